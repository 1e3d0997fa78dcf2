#!/usr/bin/env python3
"""The newsroom row's editor: signs in to the desk and, every INTERVAL seconds until SECONDS have passed, corrects
one piece's body through the real edit form (antiforgery token, cookies, every field as the form holds it), as an
editor in a browser would.

  newsroom-editor.py BASE_URL EMAIL IDS_FILE SECONDS [INTERVAL]      (the password is read from standard input)

Prints one line: saves, refused (409 conflict pages), failed (anything else), the longest save in ms.
"""
import html.parser
import http.cookiejar
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, email, ids_file, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
interval = float(sys.argv[5]) if len(sys.argv) > 5 else 2.0
password = sys.stdin.readline().rstrip("\n")
ids = [line.strip() for line in open(ids_file) if line.strip()]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)


class FormFields(html.parser.HTMLParser):
    """The fields of the first form whose class contains FORM_CLASS, as the browser would submit them."""

    def __init__(self, form_class):
        super().__init__()
        self.form_class, self.inside, self.action, self.fields = form_class, False, None, []
        self.textarea, self.select, self.option_value = None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.action is None and self.form_class in (a.get("class") or "").split():
            self.inside, self.action = True, a.get("action")
        elif not self.inside:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "checkbox", "radio"):
            self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "input" and a.get("name") and a.get("type") in ("checkbox", "radio") and "checked" in a:
            self.fields.append([a["name"], a.get("value") or "on"])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None]
            self.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            if self.select[1] is None or "selected" in a:
                self.select[1] = a.get("value") or ""

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.inside:
            self.inside = False


def get(path):
    with opener.open(base + path, timeout=30) as response:
        return response.read().decode("utf-8")


def post(path, fields):
    data = urllib.parse.urlencode([(k, v or "") for k, v in fields]).encode()
    try:
        with opener.open(urllib.request.Request(base + path, data=data), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def form(page, form_class):
    parser = FormFields(form_class)
    parser.feed(page)
    return parser


signin = form(get("/admin/login"), "signin-form")
for field in signin.fields:
    if field[0] == "Email":
        field[1] = email
    elif field[0] == "Password":
        field[1] = password
status = post(signin.action or "/admin/login", signin.fields)
if status != 302:
    print(f"editor: sign-in answered {status}")
    sys.exit(1)

saves = refused = failed = 0
slowest = 0.0
start = time.monotonic()
n = 0
while time.monotonic() - start < seconds:
    began = time.monotonic()
    piece = ids[n % len(ids)]
    edit = form(get(f"/admin/articles/{piece}/edit"), "article-form")
    for field in edit.fields:
        if field[0] == "Body":
            # A body-only correction, as the desk makes most often.
            field[1] = field[1].rstrip() + f"\n\nCorrection {n + 1} from the newsroom benchmark."
    status = post(edit.action, edit.fields)
    took = (time.monotonic() - began) * 1000
    slowest = max(slowest, took)
    if status == 302:
        saves += 1
    elif status == 409:
        refused += 1
    else:
        failed += 1
        print(f"editor: saving piece {piece} answered {status}", file=sys.stderr)
    n += 1
    time.sleep(max(0.0, interval - (time.monotonic() - began)))
print(f"editor: {saves} saves, {refused} refused (409), {failed} failed, slowest save {slowest:.0f} ms")
