#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of COUNT posts for the import benchmark (wordpress-import.sh).

Half the posts are English, half Korean, in Polylang translation pairs; about a tenth are drafts, scheduled,
private or trashed; every post has Gutenberg blocks (heading, paragraphs with emphasis and a link, a list, a quote,
an image), every fifth a [caption] shortcode, every tenth an old slug; a page and an attachment per 1,000 posts are
there to be skipped. Bodies are about 2 KB, like a short opinion piece. Deterministic for a given COUNT and seed.

    python3 wxr-generate.py COUNT OUT.xml [SEED]
"""
import random
import sys
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

EN = ("city council budget transport night bus housing rent school teacher hospital nurse pension reform election "
      "climate river park library market wage tax energy water harbour museum policy reader editor").split()
KO = ("시의회 예산 교통 심야버스 주거 월세 학교 교사 병원 간호사 연금 개혁 선거 기후 하천 공원 도서관 시장 임금 "
      "세금 에너지 수도 항구 박물관 정책 독자 편집").split()
STATUSES = ["publish"] * 18 + ["draft", "future", "private", "trash", "pending"]


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n))


def body(rng, words, i):
    parts = [f"<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">{sentence(rng, words, 4)}</h2>\n<!-- /wp:heading -->"]
    for _ in range(5):
        parts.append("<!-- wp:paragraph -->\n<p>" + sentence(rng, words, 25) + f" <em>{rng.choice(words)}</em> "
                     + f"<a href=\"https://example.org/{i}\">{rng.choice(words)}</a> " + sentence(rng, words, 20) + ".</p>\n<!-- /wp:paragraph -->")
    parts.append("<!-- wp:list -->\n<ul class=\"wp-block-list\">" + "".join(f"<li>{sentence(rng, words, 5)}</li>" for _ in range(3)) + "</ul>\n<!-- /wp:list -->")
    parts.append(f"<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>{sentence(rng, words, 12)}</p></blockquote>\n<!-- /wp:quote -->")
    if i % 5 == 0:
        parts.append(f"[caption id=\"attachment_{i}\" align=\"aligncenter\" width=\"800\"]<img src=\"https://example.org/wp-content/uploads/{i}.jpg\" alt=\"{sentence(rng, words, 3)}\" /> {sentence(rng, words, 4)}[/caption]")
    else:
        parts.append(f"<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://example.org/wp-content/uploads/{i}.jpg\" alt=\"{sentence(rng, words, 3)}\"/></figure>\n<!-- /wp:image -->")
    return "\n\n".join(parts)


def item(out, rng, post_id, lang, group, when, i):
    words = KO if lang == "ko" else EN
    title = sentence(rng, words, 6)
    slug = quote(f"{title.replace(' ', '-')}-{post_id}".lower(), safe="-").lower()
    status = rng.choice(STATUSES)
    local = when + timedelta(hours=9)
    gmt = "0000-00-00 00:00:00" if status in ("draft", "pending") else when.strftime("%Y-%m-%d %H:%M:%S")
    if status == "future":
        gmt = (when + timedelta(days=3650)).strftime("%Y-%m-%d %H:%M:%S")
    category = ("사설", "%ec%82%ac%ec%84%a4") if i % 2 == 0 else ("칼럼", "%ec%b9%bc%eb%9f%bc")
    old = (f"\t\t<wp:postmeta><wp:meta_key><![CDATA[_wp_old_slug]]></wp:meta_key>"
           f"<wp:meta_value><![CDATA[old-{post_id}]]></wp:meta_value></wp:postmeta>\n") if i % 10 == 0 else ""
    out.write(f"""	<item>
		<title><![CDATA[{title}]]></title>
		<link>https://bench.example.kr/?p={post_id}</link>
		<dc:creator><![CDATA[{'mjkim' if lang == 'ko' else 'jlee'}]]></dc:creator>
		<guid isPermaLink="false">https://bench.example.kr/?p={post_id}</guid>
		<content:encoded><![CDATA[{body(rng, words, post_id)}]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date><![CDATA[{local.strftime("%Y-%m-%d %H:%M:%S")}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[{gmt}]]></wp:post_date_gmt>
		<wp:post_modified><![CDATA[{local.strftime("%Y-%m-%d %H:%M:%S")}]]></wp:post_modified>
		<wp:post_modified_gmt><![CDATA[{when.strftime("%Y-%m-%d %H:%M:%S")}]]></wp:post_modified_gmt>
		<wp:post_name><![CDATA[{slug}]]></wp:post_name>
		<wp:status><![CDATA[{status}]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<category domain="category" nicename="{category[1]}"><![CDATA[{category[0]}]]></category>
		<category domain="language" nicename="{lang}"><![CDATA[{'한국어' if lang == 'ko' else 'English'}]]></category>
		<category domain="post_translations" nicename="pll_{group}"><![CDATA[pll_{group}]]></category>
{old}	</item>
""")


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Benchmark</title>
	<link>https://bench.example.kr</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://bench.example.kr</wp:base_site_url>
	<wp:base_blog_url>https://bench.example.kr</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[jlee]]></wp:author_login><wp:author_display_name><![CDATA[James Lee]]></wp:author_display_name></wp:author>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mjkim]]></wp:author_login><wp:author_display_name><![CDATA[김민지]]></wp:author_display_name></wp:author>
""")
        for i in range(count):
            when = start + timedelta(minutes=47 * (i // 2))
            item(out, rng, 1000 + i, "en" if i % 2 == 0 else "ko", i // 2, when, i)
            if i % 1000 == 999:
                out.write(f"""	<item><title>Page {i}</title><wp:post_id>{10_000_000 + i}</wp:post_id><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>
	<item><title>Image {i}</title><wp:post_id>{20_000_000 + i}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status></item>
""")
        out.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
