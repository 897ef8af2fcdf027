"""The real server and a real browser for the browser tests.

`DemoServer` makes a fresh data folder (SQLite file, secret key), runs `baocao migrate` and
`baocao demo --no-pdf` in it and starts gunicorn on a free loopback port, as `baocao serve` would
in production. Chromium is Debian's, driven through Playwright; `playwright install` is never run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "img"
BIN = Path(sys.executable).parent
DEMO_PASSWORD = "baocao-demo-2023"
TIMEOUT_MS = 15_000


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class DemoServer:
    data_dir: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("BAOCAO_", "DJANGO_")) and k != "DATABASE_URL"
        }
        env.update(
            BAOCAO_DATA_DIR=str(self.data_dir),
            DATABASE_URL=f"sqlite:///{self.data_dir / 'db.sqlite3'}",
            BAOCAO_DEMO_PASSWORD=DEMO_PASSWORD,
            PYTHONUNBUFFERED="1",
        )
        return env

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            [str(BIN / "baocao"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"baocao {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self) -> DemoServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._run("migrate")
        self._run("demo", "--no-pdf")
        log = (self.data_dir / "gunicorn.log").open("w")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "baocao.web.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "4",
                # issuing renders the .pdf through LibreOffice: a cold start takes a while
                "--timeout",
                "120",
                "--graceful-timeout",
                "3",
            ],
            env=self.env,
            cwd=self.data_dir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/dang-nhap/", timeout=2) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer on {self.url}:\n{self.log()}")

    def log(self) -> str:
        path = self.data_dir / "gunicorn.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None


def shot(page, name: str) -> Path:
    """A full-page PNG at docs/img/web-NAME.png, overwritten on every run."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"web-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def message(page, text: str) -> None:
    """The page's message list (Django messages) says `text`."""
    from playwright.sync_api import expect

    expect(page.locator("ul.messages")).to_contain_text(text)
