#!/bin/sh
# Runs the PyTorch reference dual encoder (/work/shared/reference) beside ours and scores it.
# usage: scripts/run_reference.sh OUTDIR MINUTES THREADS
# Needs python3-torch (apt-get install -y python3-torch).
set -eu
out=${1:-/tmp/ref}
minutes=${2:-22}
threads=${3:-2}
shared=${REPLYDESK_SHARED_DATA:-$(cd "$(dirname "$0")/../../shared/data" && pwd)}
reference="$shared/../reference"
mkdir -p "$out"
/usr/bin/python3 "$reference/de_train.py" "$out" "$minutes" "$threads" | tee "$out/train.log"
/usr/bin/python3 "$reference/de_score.py" "$out/de_best.pt" "$out" "$shared/eval/sgd_dev.queries.jsonl" \
  | tee "$out/score.log"
python3 "$shared/eval/score.py" "$shared/eval/sgd_dev.answers.jsonl" "$out/sgd_dev.scores.jsonl"
