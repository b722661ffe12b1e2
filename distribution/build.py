#!/usr/bin/env python3
"""Writes logcheck's release files into dist/ from one built binary (`make dist` runs this).

    build.py version                      print the version (LogCheck.version in the Swift code)
    build.py files-regex                  print the pre-commit mirror's `files` regex
    build.py all --binary FILE [--out DIR] [--platform P] [--npm-platforms P,...]

`all` writes, for platform P (linux-x86_64 unless told):
  logcheck-<version>-<P>.tar.gz (+ .sha256)  the binary, README.md and LICENSE
  logcheck-<version>-py3-none-<tag>.whl      the binary as the wheel's console script
  pre-commit-mirror/                         a hook repository pinning logcheck==<version>
  npm/logcheck-<version>.tgz, npm/logcheck-<npm platform>-<version>.tgz   (`npm pack`)
Nothing is downloaded, and the same binary gives the same bytes.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import wheel  # noqa: E402  (distribution/wheel.py)

VERSION_SOURCE = os.path.join("Sources", "LogCheckKit", "CLI", "Command.swift")
DESCRIPTION = "A fast static checker for Node.js logging configs (log4js) and PM2 process files."
HOMEPAGE = "https://github.com/OWNER/logcheck"

# platform: (archive suffix, wheel platform tag or None for "measure the glibc floor", npm os,
# npm cpu, npm libc or None)
PLATFORMS = {
    "linux-x86_64": ("linux-x86_64", None, "linux", "x64", "glibc"),
    "macos-arm64": ("macos-arm64", "macosx_11_0_arm64", "darwin", "arm64", None),
    "macos-x86_64": ("macos-x86_64", "macosx_10_13_x86_64", "darwin", "x64", None),
}


def version():
    with open(os.path.join(ROOT, VERSION_SOURCE), encoding="utf-8") as f:
        m = re.search(r'public static let version = "([0-9]+\.[0-9]+\.[0-9]+)"', f.read())
    if not m:
        sys.exit("build.py: no `public static let version = \"X.Y.Z\"` in " + VERSION_SOURCE)
    return m.group(1)


def main_files_regex():
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*files: &files (\S+)\s*$", line)
            if m:
                return m.group(1)
    sys.exit("build.py: no `files: &files REGEX` line in .pre-commit-hooks.yaml")


def files_regex():
    """The mirror passes the files the repository's own hooks pass (.pre-commit-hooks.yaml)."""
    regex = main_files_regex()
    re.compile(regex)
    return regex


def glibc_floor(binary):
    """The highest GLIBC_x.y symbol version the binary needs, as (x, y)."""
    out = subprocess.run(["objdump", "-T", binary], check=True, capture_output=True, text=True).stdout
    found = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"\bGLIBC_([0-9]+\.[0-9]+)\b", out)}
    if not found:
        sys.exit("build.py: objdump -T found no GLIBC_ symbol versions in " + binary)
    return max(found)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.chmod(path, mode)


def tarball(out, v, suffix, binary):
    top = "logcheck-%s-%s" % (v, suffix)
    name = top + ".tar.gz"
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for arcname, src, mode in [
            ("logcheck", binary, 0o755),
            ("README.md", os.path.join(ROOT, "README.md"), 0o644),
            ("LICENSE", os.path.join(ROOT, "LICENSE"), 0o644),
        ]:
            with open(src, "rb") as f:
                data = f.read()
            info = tarfile.TarInfo(top + "/" + arcname)
            info.size, info.mode, info.mtime = len(data), mode, 0
            info.uname = info.gname = "root"
            tar.addfile(info, io.BytesIO(data))
    with open(os.path.join(out, name), "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue())
    write(os.path.join(out, name + ".sha256"), "%s  %s\n" % (sha256(os.path.join(out, name)), name))
    return name


def platform_wheel(out, v, tag, binary):
    with open(binary, "rb") as f:
        data = f.read()
    with open(os.path.join(ROOT, "LICENSE"), "rb") as f:
        license_text = f.read()
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    dist = wheel.normalize("logcheck")
    metadata = [
        "Summary: " + DESCRIPTION,
        "Home-page: " + HOMEPAGE,
        "License: Apache-2.0",
        "Requires-Python: >=3.7",
        "Classifier: License :: OSI Approved :: Apache Software License",
        "Classifier: Environment :: Console",
        "Description-Content-Type: text/markdown",
        "",
        readme,
    ]
    files = [
        ("%s-%s.data/scripts/logcheck" % (dist, v), data, 0o755),
        ("%s-%s.dist-info/LICENSE" % (dist, v), license_text, 0o644),
    ]
    return wheel.write_wheel(out, "logcheck", v, "py3-none-" + tag, metadata, files)


def mirror(out, v):
    d = os.path.join(out, "pre-commit-mirror")
    shutil.rmtree(d, ignore_errors=True)
    templates = os.path.join(HERE, "pre-commit-mirror")
    regex = files_regex()
    for name in sorted(os.listdir(templates)):
        with open(os.path.join(templates, name), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("@VERSION@", v).replace("@FILES@", regex)
        write(os.path.join(d, name[: -len(".in")] if name.endswith(".in") else name), text)
    with open(os.path.join(HERE, "wheel.py"), encoding="utf-8") as f:
        backend = f.read()
    package = {"name": "logcheck-pre-commit", "version": v, "requires": ["logcheck==" + v]}
    backend, n = re.subn(r"^HOOK_PACKAGE = None$", "HOOK_PACKAGE = " + json.dumps(package), backend, flags=re.M)
    assert n == 1
    write(os.path.join(d, "backend", "logcheck_build.py"), backend)
    shutil.copy(os.path.join(ROOT, "LICENSE"), os.path.join(d, "LICENSE"))
    return d


def npm(out, v, npm_os, cpu, libc, glibc, binary, npm_platforms):
    d = os.path.abspath(os.path.join(out, "npm"))
    shutil.rmtree(d, ignore_errors=True)
    src = os.path.join(HERE, "npm")
    common = {"version": v, "license": "Apache-2.0", "homepage": HOMEPAGE}

    platform = "%s-%s" % (npm_os, cpu)
    pd = os.path.join(d, "platform-" + platform)
    manifest = {"name": "@logcheck/" + platform, "description": "The logcheck binary for %s." % platform}
    manifest.update(common)
    manifest.update({"os": [npm_os], "cpu": [cpu]})
    if libc:
        manifest["libc"] = [libc]
    manifest.update({"preferUnplugged": True, "files": ["bin/logcheck", "README.md", "LICENSE"]})
    write(os.path.join(pd, "package.json"), json.dumps(manifest, indent=2) + "\n")
    with open(os.path.join(src, "platform", "README.md"), encoding="utf-8") as f:
        write(os.path.join(pd, "README.md"), f.read().replace("@PLATFORM@", platform))
    os.makedirs(os.path.join(pd, "bin"))
    shutil.copy(binary, os.path.join(pd, "bin", "logcheck"))
    os.chmod(os.path.join(pd, "bin", "logcheck"), 0o755)

    md = os.path.join(d, "logcheck")
    shutil.copytree(os.path.join(src, "logcheck"), md)
    with open(os.path.join(md, "README.md"), encoding="utf-8") as f:
        write(os.path.join(md, "README.md"), f.read().replace("@GLIBC@", glibc or "(none)"))
    os.chmod(os.path.join(md, "bin", "logcheck"), 0o755)
    manifest = {"name": "logcheck", "description": DESCRIPTION}
    manifest.update(common)
    manifest.update(
        {
            "bin": {"logcheck": "bin/logcheck"},
            "scripts": {"postinstall": "node install.js"},
            "optionalDependencies": {"@logcheck/" + p: v for p in sorted(npm_platforms)},
            "engines": {"node": ">=16"},
            "files": ["bin/logcheck", "install.js", "README.md", "LICENSE"],
        }
    )
    write(os.path.join(md, "package.json"), json.dumps(manifest, indent=2) + "\n")

    tarballs = []
    for package in (pd, md):
        shutil.copy(os.path.join(ROOT, "LICENSE"), os.path.join(package, "LICENSE"))
        res = subprocess.run(
            ["npm", "pack", "--offline", "--silent", "--pack-destination", d],
            cwd=package,
            check=True,
            capture_output=True,
            text=True,
        )
        tarballs.append(res.stdout.strip().splitlines()[-1])
    return tarballs


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("version")
    sub.add_parser("files-regex")
    a = sub.add_parser("all")
    a.add_argument("--binary", required=True)
    a.add_argument("--out", default=os.path.join(ROOT, "dist"))
    a.add_argument("--platform", default="linux-x86_64", choices=sorted(PLATFORMS))
    a.add_argument("--npm-platforms", default=None, help="platform packages the main npm package lists")
    args = parser.parse_args()

    if args.command == "version":
        print(version())
        return
    if args.command == "files-regex":
        print(files_regex())
        return

    v = version()
    suffix, tag, npm_os, cpu, libc = PLATFORMS[args.platform]
    reported = subprocess.run([args.binary, "--version"], check=True, capture_output=True, text=True).stdout
    if reported != "logcheck %s\n" % v:
        sys.exit("build.py: %s --version says %r, the source says %s" % (args.binary, reported, v))
    glibc = None
    if tag is None:
        major, minor = glibc_floor(args.binary)
        tag = "manylinux_%d_%d_x86_64" % (major, minor)
        glibc = "%d.%d" % (major, minor)
    os.makedirs(args.out, exist_ok=True)
    npm_platforms = args.npm_platforms.split(",") if args.npm_platforms else ["%s-%s" % (npm_os, cpu)]
    written = [tarball(args.out, v, suffix, args.binary), platform_wheel(args.out, v, tag, args.binary)]
    written.append(os.path.relpath(mirror(args.out, v), args.out) + "/")
    written += ["npm/" + t for t in npm(args.out, v, npm_os, cpu, libc, glibc, args.binary, npm_platforms)]
    for name in written:
        print("dist: " + os.path.join(os.path.relpath(args.out, os.getcwd()), name))


if __name__ == "__main__":
    main()
