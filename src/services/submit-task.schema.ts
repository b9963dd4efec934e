/** Request schema of POST /screenplay/tasks; also feeds openapi.json. Unknown fields are refused. */
import { z } from 'zod';

export const castMemberSchema = z.strictObject({
  name: z.string().min(1).max(100),
  images: z.array(z.string().min(1)).min(1).max(20),
});

export const taskConfigSchema = z.strictObject({
  language: z.string().min(2).max(20).optional(),
  use_face_recognition: z.boolean().optional(),
  use_subtitle: z.boolean().optional(),
  require_json: z.boolean().optional(),
  require_xlsx: z.boolean().optional(),
  require_merge_xlsx: z.boolean().optional(),
  concurrency: z.number().optional(),
  characters: z.array(castMemberSchema).max(100).optional(),
});

export const submitTaskSchema = z.strictObject({
  mode: z.string().min(1).max(50),
  episodes: z.record(z.string(), z.string().min(1).max(100)),
  config: taskConfigSchema,
});

export type SubmitTaskBody = z.infer<typeof submitTaskSchema>;
