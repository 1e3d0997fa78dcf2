#!/usr/bin/env python3
"""Writes the address lists the load benchmark's cold rows use, read from the archive file (read-only):

  bench-addresses.py DB OUT_DIR [CRAWL_COUNT]

  crawl.txt     CRAWL_COUNT (default 200000) distinct published pieces' canonical addresses, in random order;
  popular.txt   500 other pieces' addresses: the pages the newsroom row's readers ask for again and again;
  edited.txt    50 other pieces' ids: the pieces the newsroom row's editor corrects (none is popular);
  searches.txt  at least 200 distinct search addresses: common and rare English words, two-word queries,
                prefixes, Korean two-syllable nouns with and without particles, section and date filters;
  search-warmup.txt  other distinct searches of the same kinds (none in searches.txt), asked before the sweep.
"""
import random
import re
import sqlite3
import sys
import urllib.parse

db, out = sys.argv[1], sys.argv[2]
crawl_count = int(sys.argv[3]) if len(sys.argv) > 3 else 200000
random.seed(20261203)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def path(language, piece_id, slug):
    return f"/{language}/articles/{piece_id}/{urllib.parse.quote(slug, safe='-')}"


# Sampling ids is cheap on any size: the ids of a generated archive are dense.
max_id = con.execute("SELECT MAX(id) FROM articles").fetchone()[0]
wanted = crawl_count + 550
seen = set()
rows = []
while len(rows) < wanted and len(seen) < max_id:
    batch = list(dict.fromkeys(random.randint(1, max_id) for _ in range(min(50000, wanted * 2))))
    batch = [i for i in batch if i not in seen]
    seen.update(batch)
    for chunk in range(0, len(batch), 900):
        ids = batch[chunk:chunk + 900]
        rows += con.execute(
            f"SELECT id, language, slug FROM articles WHERE status = 'published' AND id IN ({','.join('?' * len(ids))})", ids
        ).fetchall()
rows = rows[:wanted]
random.shuffle(rows)
popular, edited, crawl = rows[:500], rows[500:550], rows[550:]
with open(f"{out}/crawl.txt", "w") as f:
    f.writelines(path(r[1], r[0], r[2]) + "\n" for r in crawl)
with open(f"{out}/popular.txt", "w") as f:
    f.writelines(path(r[1], r[0], r[2]) + "\n" for r in popular)
with open(f"{out}/edited.txt", "w") as f:
    f.writelines(f"{r[0]}\n" for r in edited)

# Search words from the archive's own headlines: frequent ones from many headlines, rare ones from few.
english = [h for (h,) in con.execute(
    "SELECT headline FROM articles WHERE language = 'en' AND id IN (%s)" % ",".join(str(random.randint(1, max_id)) for _ in range(3000)))]
korean = [h for (h,) in con.execute(
    "SELECT headline FROM articles WHERE language = 'ko' AND id IN (%s)" % ",".join(str(random.randint(1, max_id)) for _ in range(3000)))]
counts = {}
for h in english:
    for w in re.findall(r"[a-z]{3,}", h.lower()):
        counts[w] = counts.get(w, 0) + 1
by_frequency = sorted(counts, key=lambda w: (-counts[w], w))
common, rare = by_frequency[:60], by_frequency[-60:]
queries = set()
for w in common + rare:
    queries.add(("en", f"q={urllib.parse.quote(w)}"))
for h in english[:50]:
    words = re.findall(r"[A-Za-z]{3,}", h)
    if len(words) >= 2:
        queries.add(("en", "q=" + urllib.parse.quote(f"{words[0]} {words[1]}".lower())))
for w in by_frequency[:200:5]:
    if len(w) >= 6:
        queries.add(("en", f"q={urllib.parse.quote(w[:4])}"))
nouns = set()
for h in korean:
    for token in h.split():
        if re.fullmatch(r"[가-힣]{2,}", token):
            nouns.add(token)
for token in sorted(nouns)[:50]:
    queries.add(("ko", f"q={urllib.parse.quote(token)}"))
    queries.add(("ko", f"q={urllib.parse.quote(token[:2])}"))
for i, w in enumerate(common[:30]):
    queries.add(("en", f"q={urllib.parse.quote(w)}&section=editorial"))
    year = 2000 + i % 24
    queries.add(("en", f"q={urllib.parse.quote(w)}&from={year}-01-01&to={year}-12-31"))
with open(f"{out}/searches.txt", "w") as f:
    f.writelines(f"/{lang}/search?{q}\n" for lang, q in sorted(queries))

# The warm-up: the app's first uncached searches after its start, of the same kinds but never the sweep's own.
warmup = set()
for w in by_frequency[60:120]:
    warmup.add(("en", f"q={urllib.parse.quote(w)}"))
for h in english[50:150]:
    words = re.findall(r"[A-Za-z]{3,}", h)
    if len(words) >= 3:
        warmup.add(("en", "q=" + urllib.parse.quote(f"{words[1]} {words[2]}".lower())))
for token in sorted(nouns)[50:100]:
    warmup.add(("ko", f"q={urllib.parse.quote(token)}"))
for i, w in enumerate(by_frequency[30:50]):
    warmup.add(("en", f"q={urllib.parse.quote(w)}&section=column"))
    warmup.add(("en", f"q={urllib.parse.quote(w)}&from={2001 + i}-03-01&to={2001 + i}-09-30"))
warmup -= queries
with open(f"{out}/search-warmup.txt", "w") as f:
    f.writelines(f"/{lang}/search?{q}\n" for lang, q in sorted(warmup))
print(f"{len(crawl)} crawl, {len(popular)} popular, {len(edited)} edited, {len(queries)} searches, {len(warmup)} warm-up searches")
