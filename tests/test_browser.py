"""A real JupyterLab in a real browser: every notebook runs without an error, and the
filter panel in the chronology notebook responds to a widget change.

Needs Debian's chromium (`apt-get install chromium`; `.ci/run` installs it) and the
playwright Python package. Screenshots go to artifacts/browser/.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import analystkit as ak

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("AK_CHROMIUM", "/usr/bin/chromium"))
ROOT = ak.paths.ROOT
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Lab settings for an unattended run: no news toast, no autosave (the test runs copies,
# but an autosave would still churn them), and every cell kept in the DOM.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}

if not CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` "
        "(or set AK_CHROMIUM); CI installs it in .ci/run",
        allow_module_level=True,
    )
playwright_sync = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"JupyterLab did not answer {url} within {timeout} s")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A JupyterLab server on a free loopback port, serving copies of the notebooks
    next to the real seeds/ and data/; stopped on success and failure alike."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    for name in ("seeds", "data"):
        (root / name).symlink_to(ROOT / name)
    settings = root / "settings"
    for rel, value in LAB_SETTINGS.items():
        (settings / rel).parent.mkdir(parents=True, exist_ok=True)
        (settings / rel).write_text(json.dumps(value))
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"),
    )
    port, token = _free_port(), secrets.token_hex(16)
    log = (root / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",
            "--ip",
            "127.0.0.1",
            "--port",
            str(port),
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root / 'notebooks'}",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_ready(f"http://127.0.0.1:{port}/api/status?token={token}", server)
        yield f"http://127.0.0.1:{port}", token
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab: tuple[str, str]) -> Iterator[playwright_sync.Browser]:
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _shut_down_kernels(lab: tuple[str, str]) -> None:
    """End every kernel session, so each notebook runs on a machine of its own."""
    base, token = lab
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}") as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(
            f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE"
        )
        urllib.request.urlopen(request).close()


def _open_and_run_all(page, lab: tuple[str, str], name: str) -> None:
    """Open one notebook in a fresh workspace of its own, wait for an idle kernel,
    Run All Cells, and wait until every cell has run (or one has failed)."""
    base, token = lab
    page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector(".jp-StatusBar-Widget >> text=/\\| Idle/", timeout=60_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    n_code = page.locator(".jp-CodeCell").count()
    page.wait_for_function(
        """n => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                .map(p => p.textContent.trim());
            const done = prompts.length === n && prompts.every(t => /^\\[\\d+\\]:$/.test(t));
            // Run All stops at the first error: then nothing is left running.
            const stderr = '[data-mime-type="application/vnd.jupyter.stderr"]';
            const failed = document.querySelector(stderr)
                && !prompts.some(t => t.includes('*'));
            return done || failed;
        }""",
        arg=n_code,
        timeout=240_000,
    )


def _error_outputs(page) -> list[str]:
    """Text of every stderr/error output the notebook shows."""
    sel = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    return [el.inner_text()[:500] for el in page.locator(sel).all()]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(browser, lab: tuple[str, str], notebook: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        _open_and_run_all(page, lab, notebook.name)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{notebook.stem}.png", full_page=True)
        assert _error_outputs(page) == []
        if notebook.stem.startswith("04_"):
            _check_filter_widget_responds(page, notebook.stem)
    finally:
        page.close()
        _shut_down_kernels(lab)


def _check_filter_widget_responds(page, stem: str) -> None:
    """Narrow the panel's first multi-select to one option: the summary line and the
    chart both change."""
    panel = page.locator(".ak-chronology-panel").first
    panel.wait_for(timeout=30_000)
    results, chart = panel.locator(".ak-results"), panel.locator("img.ak-chart")
    before, chart_before = results.inner_text(), chart.get_attribute("src")
    select = panel.locator(".widget-select-multiple select").first
    options = select.locator("option").all_inner_texts()
    assert len(options) >= 2, f"the filter has too few options to narrow: {options}"
    panel.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"{stem}_panel_before.png")
    select.select_option(label=options[0])
    page.wait_for_function(
        "([el, before]) => el.innerText !== before",
        arg=[results.element_handle(), before],
        timeout=30_000,
    )
    page.wait_for_function(
        "([img, before]) => img.getAttribute('src') !== before",
        arg=[chart.element_handle(), chart_before],
        timeout=60_000,
    )
    page.screenshot(path=ARTIFACTS / f"{stem}_panel_after.png")
    assert results.inner_text() != before
