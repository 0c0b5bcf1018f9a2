-- wrk script: cycles through a fixed mix of /api/search queries (the same mix
-- as benches/archive.rs), one per request.
local queries = {
  "informasi", "dokumen", "putusan", "anggaran", "kontrak", "keberatan", "sengketa", "rahasia",
  "uji%20konsekuensi", "dokumen%20anggaran", "informasi%20publik", "salinan%20putusan",
  "kontrak%20pengadaan%20barang", "apa%20kata%20majelis%20soal%20rahasia",
  "informasi%20dikecualikan%20negara", "%22yang%20tidak%22", "%22informasi%20publik%22",
  "dokumen&role=majelis", "rahasia&role=termohon", "keberatan&role=pemohon",
  "informasi&from=2020&to=2020", "putusan&from=2018&to=2019", "kip", "ppid%20dokumen",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?limit=10&q=" .. queries[(i % #queries) + 1])
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("non-200 responses: %d\n", summary.errors.status))
end
