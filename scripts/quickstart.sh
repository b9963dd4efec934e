#!/usr/bin/env bash
# Quick start on a fresh machine: install everything, then run the main job on the embedded
# default (no server): extract a generated sample episode into ./reelscript-out.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
npm ci --no-audit --no-fund
mkdir -p reelscript-out
sample=reelscript-out/sample-episode.mp4
if [ ! -s "$sample" ]; then
  # A vertical 1080x1920-style (scaled down) episode: three shots joined by hard cuts, with sound.
  ffmpeg -v error -y \
    -f lavfi -i "testsrc2=s=360x640:r=25:d=2" \
    -f lavfi -i "mandelbrot=s=360x640:r=25,trim=duration=2" \
    -f lavfi -i "smptehdbars=s=360x640:r=25:d=2" \
    -f lavfi -i "sine=frequency=330:duration=6" \
    -filter_complex "[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p[v]" \
    -map "[v]" -map 3:a -c:v libx264 -preset veryfast -c:a aac -shortest "$sample"
fi
rm -rf reelscript-out/sample
node bin/reelscript.js extract "$sample" --out reelscript-out/sample --language en
echo
echo "Result in reelscript-out/sample (the same files a task's zip holds):"
ls -R reelscript-out/sample | head -40
echo
echo "Next: start the service with  npx reelscript serve  (API on http://127.0.0.1:8080/serve/api/v2)"
