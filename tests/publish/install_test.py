"""Installs clearnotice the way a site's CI does, from the archives a release makes.

    python3 tests/publish/install_test.py BINARY

BINARY is packed with .ci/package (the script the release workflow packs with) into a
release folder served on 127.0.0.1, as GitHub serves a release. Then, in a clean
folder, a site made by `clearnotice init` (with the real content) runs:

- the GitHub workflow's build job: each `run:` step in order, with the variables a
  runner sets (GITHUB_PATH, GITHUB_OUTPUT, the workflow's and step's env), the
  `uses:` steps stood in for (checkout: the site is the folder; cache: the
  .clearnotice folder is kept between the two runs; upload: nothing);
- the GitLab `pages` job with gitlab-ci-local (npm) as a shell executor (its
  `image:` line taken out: this machine stands in for the image).

Each must install the release (never compiling), build the site, and give the same
public/ as `clearnotice build` run directly. Then a tampered archive, a wrong checksum
and a release that does not exist must each stop the install with a clear message.
Prints the install step's time.
"""

import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(sys.argv[1]).resolve()
VERSION = re.search(r'^version = "([^"]+)"', (REPO / "Cargo.toml").read_text(), re.M)[1]
TARGET = {"x86_64": "x86_64-unknown-linux-gnu", "aarch64": "aarch64-unknown-linux-gnu"}[os.uname().machine]
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what, flush=True)
    if not ok:
        failures.append(what)


def tree(folder):
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file()
    }


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def make_release(folder):
    """The release as the release workflow makes it: archive, then SHA256SUMS."""
    release = folder / f"v{VERSION}"
    subprocess.run([REPO / ".ci/package", "archive", VERSION, TARGET, BINARY, release], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([REPO / ".ci/package", "sums", release], check=True, stdout=subprocess.DEVNULL)
    return release


def make_site(folder, ci):
    subprocess.run([BINARY, "init", folder, "--ci", ci], check=True, stdout=subprocess.DEVNULL)
    # The real content, with the pin init wrote.
    pin = [l for l in (folder / "site.toml").read_text().splitlines(keepends=True) if l.startswith(("clearnotice =", "# The clearnotice release", "# exactly this one"))]
    shutil.rmtree(folder / "content")
    shutil.copytree(REPO / "content", folder / "content")
    (folder / "site.toml").write_text("".join(pin) + (REPO / "site.toml").read_text())


def direct_build(site, out):
    subprocess.run([BINARY, "build", "--strict", "--root", site, "--output-dir", out], check=True, stderr=subprocess.DEVNULL, env={**os.environ, "TZ": "Europe/London"})
    return tree(out)


def run_github_job(site, base, runs=2):
    """The build job's steps, as a runner runs them. Returns the install step's output
    and seconds of each run."""
    workflow = yaml.safe_load((site / ".github/workflows/publish.yml").read_text())
    job = workflow["jobs"]["build"]
    results = []
    shim = Path(tempfile.mkdtemp())
    # The runner's sudo: this machine runs as root.
    (shim / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
    (shim / "sudo").chmod(0o755)
    for _ in range(runs):
        files = {name: site.parent / f"{name}.{_}" for name in ("GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_ENV")}
        for f in files.values():
            f.write_text("")
        path = [str(shim)]
        install = None
        for step in job["steps"]:
            if "run" not in step:
                continue  # checkout, cache and upload: see the docstring
            env = {**os.environ, **workflow.get("env", {}), **{k: str(v) for k, v in files.items()}}
            for key, value in step.get("env", {}).items():
                # The expressions the workflow uses, as a runner without variables or
                # an attestation repository fills them; the download base is our server.
                value = str(value)
                if "vars.CLEARNOTICE_RELEASES" in value and key == "CLEARNOTICE_RELEASES":
                    value = base
                elif "${{" in value:
                    value = ""
                env[key] = value
            env["PATH"] = os.pathsep.join(path + [os.environ["PATH"]])
            started = time.monotonic()
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=site, env=env, capture_output=True, text=True)
            took = time.monotonic() - started
            if done.returncode != 0:
                return None, f"step {step.get('name')!r} failed:\n{done.stdout}{done.stderr}"
            if "install-clearnotice" in step["run"]:
                install = (done.stdout + done.stderr, took)
            path = [p for p in files["GITHUB_PATH"].read_text().splitlines() if p] + [str(shim)]
        results.append(install)
    return results, None


def main():
    work = Path(tempfile.mkdtemp())
    releases = work / "releases"
    release = make_release(releases)
    server, base = serve(releases)
    print(f"== the release, as .ci/package packs it, served at {base}/v{VERSION}/")
    for f in sorted(release.iterdir()):
        print(f"   {f.name} ({f.stat().st_size // 1000} KB)")

    print("== GitHub: the publish workflow's build job, twice (the second with the cache)")
    site = work / "github-site"
    make_site(site, "github")
    expected = direct_build(site, work / "direct-github")
    results, error = run_github_job(site, base)
    check(error is None, "the GitHub workflow's steps all succeed" + (f": {error}" if error else ""))
    if results:
        (first, first_time), (second, second_time) = results
        check(f"installed clearnotice {VERSION} ({TARGET})" in first, "the first run downloads and installs the release")
        check("cargo" not in first and "Compiling" not in first, "nothing is compiled")
        check(f"clearnotice {VERSION} is already installed" in second, "the second run uses the kept download")
        print(f"   install step: {first_time:.2f} s (download, verify, unpack), {second_time:.2f} s from the cache")
        check(tree(site / "public") == expected, "public/ is what `clearnotice build` makes")

    print("== GitLab: the pages job in gitlab-ci-local, as a shell executor")
    site = work / "gitlab-site"
    make_site(site, "gitlab")
    expected = direct_build(site, work / "direct-gitlab")
    ci = yaml.safe_load((site / ".gitlab-ci.yml").read_text())
    del ci["default"]["image"]
    (site / ".gitlab-ci.local.yml").write_text(yaml.safe_dump(ci))
    subprocess.run("git init -q -b main && git add -A && git -c user.name=t -c user.email=t@t commit -qm site", shell=True, cwd=site, check=True)
    gcl = REPO / "tests/publish/node_modules/.bin/gitlab-ci-local"
    started = time.monotonic()
    done = subprocess.run([gcl, "pages", "--file", ".gitlab-ci.local.yml", "--variable", f"CLEARNOTICE_RELEASES={base}", "--variable", "TZ=Europe/London", "--shell-executor-no-image"], cwd=site, capture_output=True, text=True, timeout=600)
    said = done.stdout + done.stderr
    check(done.returncode == 0, "gitlab-ci-local runs the pages job" + ("" if done.returncode == 0 else f":\n{said[-3000:]}"))
    check(f"installed clearnotice {VERSION}" in said, "the job installs the release")
    print(f"   the pages job: {time.monotonic() - started:.1f} s")
    check(tree(site / "public") == expected, "the job's public/ is what `clearnotice build` makes")

    print("== what must stop the install")
    archive = release / f"clearnotice-{VERSION}-{TARGET}.tar.gz"
    good_archive, good_sums = archive.read_bytes(), (release / "SHA256SUMS").read_text()

    def install(site_toml_version=VERSION):
        folder = Path(tempfile.mkdtemp())
        (folder / "site.toml").write_text(f'clearnotice = "{site_toml_version}"\n')
        env = {**os.environ, "CLEARNOTICE_RELEASES": base}
        env.pop("GITHUB_PATH", None)
        done = subprocess.run(["sh", site / "ci/install-clearnotice.sh"], cwd=folder, env=env, capture_output=True, text=True)
        installed = (folder / ".clearnotice" / site_toml_version / "clearnotice").exists()
        return done.returncode, done.stderr, installed

    # A tampered archive: one byte changed, the checksum left as it was.
    tampered = bytearray(good_archive)
    tampered[len(tampered) // 2] ^= 0xFF
    archive.write_bytes(bytes(tampered))
    code, said, installed = install()
    check(code != 0 and "does not match its checksum" in said and not installed, f"a tampered archive is refused: {said.strip()}")
    archive.write_bytes(good_archive)
    # A wrong checksum.
    (release / "SHA256SUMS").write_text(re.sub(r"^[0-9a-f]{64}", "0" * 64, good_sums, flags=re.M))
    code, said, installed = install()
    check(code != 0 and "does not match its checksum" in said and not installed, f"a wrong checksum is refused: {said.strip()}")
    # No line for this archive.
    (release / "SHA256SUMS").write_text("")
    code, said, installed = install()
    check(code != 0 and "does not list" in said and not installed, f"a SHA256SUMS without the archive is refused: {said.strip()}")
    (release / "SHA256SUMS").write_text(good_sums)
    # A release that does not exist.
    code, said, installed = install("9.9.9")
    check(code != 0 and "could not download" in said and "9.9.9" in said and not installed, f"a missing release is refused: {said.strip()}")
    # And the good one still installs.
    code, said, installed = install()
    check(code == 0 and installed, "the release as published installs")
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed")
        sys.exit(1)
    print("install checks: all passed")


main()
