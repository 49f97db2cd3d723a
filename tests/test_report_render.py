"""Render the seed report in headless Chromium: it loads with no console error or CSP violation, the DOM after
loading is the page as written (nothing ran), and screenshots (laptop and phone width) are kept in test-artifacts/."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
# what Chromium writes to stderr (with --enable-logging=stderr) when a page misbehaves
PROBLEMS = re.compile(r"Uncaught|Refused to|Content Security Policy|Content-Security-Policy|:CONSOLE\(|:CONSOLE:\d+\]")


def chromium(tmp_path: Path, url: str, *extra: str, size: tuple[int, int] = (1400, 2400)) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
           "--enable-logging=stderr", "--v=0", *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if PROBLEMS.search(line)]


@pytest.fixture(scope="module")
def report_page(demo_run) -> Path:
    result, _ = demo_run
    return Path(result.report).resolve()


@pytest.mark.parametrize("name, size", [("report.png", (1400, 2400)), ("report-phone.png", (400, 2400))])
def test_report_renders_without_errors_and_screenshot_kept(report_page, artifacts, tmp_path, name, size):
    shot = artifacts / name
    shot.unlink(missing_ok=True)
    run = chromium(tmp_path, report_page.as_uri(), f"--screenshot={shot}", size=size)
    assert run.returncode == 0, run.stderr[-2000:]
    assert problems(run.stderr) == [], problems(run.stderr)
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert png_size(shot) == size


def test_index_renders_without_errors(demo_run, artifacts, tmp_path):
    _, settings = demo_run
    index = (Path(settings.reports_dir) / "index.html").resolve()
    shot = artifacts / "index.png"
    run = chromium(tmp_path, index.as_uri(), f"--screenshot={shot}", size=(1400, 900))
    assert run.returncode == 0 and problems(run.stderr) == [], problems(run.stderr)
    assert shot.is_file()


def test_dom_after_loading_is_the_page_as_written(report_page, tmp_path):
    """Nothing on the page ran or changed it: the same elements before and after Chromium loaded it."""
    run = chromium(tmp_path, report_page.as_uri(), "--dump-dom")
    assert run.returncode == 0 and problems(run.stderr) == [], problems(run.stderr)
    after = lxml.html.fromstring(run.stdout)
    before = lxml.html.fromstring(report_page.read_text(encoding="utf-8"))
    count = lambda doc: Counter(el.tag for el in doc.iter() if isinstance(el.tag, str))  # noqa: E731
    assert after.xpath("//script") == []
    for tag in ("table", "tr", "td", "th", "article", "svg", "a", "mark", "section"):
        assert count(after)[tag] == count(before)[tag], tag
    assert " ".join(after.xpath('//div[@id="verdict"]')[0].text_content().split()) == \
        " ".join(before.xpath('//div[@id="verdict"]')[0].text_content().split())


def test_the_console_check_catches_a_script_and_an_outside_image(report_page, tmp_path):
    """Positive control: the same page with an inline script and a remote image makes Chromium report CSP blocks,
    so the checks above would see an injection if one got through."""
    bad = tmp_path / "bad.html"
    bad.write_text(report_page.read_text(encoding="utf-8").replace(
        "</main>", '<script>document.title = "pwned"</script><img src="https://example.invalid/x.png"></main>'),
        encoding="utf-8")
    run = chromium(tmp_path, bad.as_uri(), "--dump-dom")
    found = problems(run.stderr)
    assert any("script" in line.lower() for line in found), run.stderr[-2000:]
    assert any("img-src" in line or "image" in line.lower() for line in found), found
    assert "pwned" not in run.stdout.split("</title>")[0]
