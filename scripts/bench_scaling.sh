#!/usr/bin/env bash
# Scaling of the inputs that used to be quadratic (see BENCHMARKS.md):
# one JSONL document over N lines (`risalah check`), and one news paragraph
# of N quotation marks, N pronouns or N saying verbs (`risalah attribute`),
# for N = 10k, 100k, 1M. The inputs are generated, fictional, and removed.
#
#     cargo build --release && scripts/bench_scaling.sh
set -euo pipefail
bin=${RISALAH:-target/release/risalah}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for n in 10000 100000 1000000; do
  python3 - "$n" >"$dir/one.jsonl" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(1, n + 1):
    print('{"doc_id":"sintetis-satu","speaker":"Penutur %d","role":"majelis","text":"Catatan nomor %d."}' % (i % 40, i))
PY
  /usr/bin/time -f "jsonl, one document of $n lines: %e s, peak %M KB" \
    "$bin" check --corpus "$dir/one.jsonl" >/dev/null
done

for piece in '"' 'Dia menyatakan ' '"a," kata Budi Fiktif. '; do
  for n in 10000 100000 1000000; do
    # A paragraph at the passage limit (1 MiB) holds about 1M quotation marks;
    # longer pieces are cut to the same bytes.
    python3 - "$n" "$piece" >"$dir/p.txt" <<'PY'
import sys
n, piece = int(sys.argv[1]), sys.argv[2]
body = (piece * n)[: max(n, 1)] if piece == '"' else piece * max(1, n // len(piece))
print("---\nid: sintetis-kutip\ntype: news\ntitle: Sintetis\npublisher: Warta Contoh\ndate: 2099-01-01\n---")
print("Budi Fiktif " + body[: 1024 * 1024 - 40] + " tegasnya.")
PY
    /usr/bin/time -f "attribution, $n bytes of [$piece]: %e s, peak %M KB" \
      "$bin" attribute "$dir/p.txt" >/dev/null
  done
done
