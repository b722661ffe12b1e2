"""Deterministic wheels, with nothing but the standard library.

Used twice: `distribution/build.py` writes logcheck's platform wheel with it, and the pre-commit
mirror carries a copy as its PEP 517 build backend (`pip install .` there needs neither
setuptools nor the network). The same inputs always give the same bytes: entries are sorted,
every timestamp is 1980-01-01 and every mode is fixed.
"""

import base64
import hashlib
import io
import os
import zipfile

# Filled in by distribution/build.py in the mirror's copy: the hook package's name, version and
# requirements (the mirror's pyproject.toml says the same, for people and tools).
HOOK_PACKAGE = None

_DATE = (1980, 1, 1, 0, 0, 0)


def _record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _entry(name, mode):
    info = zipfile.ZipInfo(name, date_time=_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that the mode bits below are read.
    info.external_attr = (0o100000 | mode) << 16
    return info


def normalize(name):
    """The distribution name as wheel file names spell it (PEP 427, PEP 503)."""
    out = []
    for ch in name.lower():
        out.append("_" if ch in "-_." else ch)
    return "".join(out)


def write_wheel(directory, name, version, tag, metadata, files):
    """Writes `{name}-{version}-{tag}.whl` into `directory`; returns its file name.

    metadata: the METADATA lines after Name and Version. files: (path in the wheel, bytes,
    mode) triples; a path under `{dist}-{version}.data/scripts/` is installed into bin/ as is.
    """
    dist = normalize(name)
    info_dir = "%s-%s.dist-info" % (dist, version)
    entries = [(path, data, mode) for path, data, mode in files]
    meta = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version] + list(metadata)
    entries.append((info_dir + "/METADATA", ("\n".join(meta) + "\n").encode("utf-8"), 0o644))
    wheel = [
        "Wheel-Version: 1.0",
        "Generator: logcheck distribution/wheel.py",
        "Root-Is-Purelib: " + ("true" if tag.endswith("-none-any") else "false"),
        "Tag: " + tag,
    ]
    entries.append((info_dir + "/WHEEL", ("\n".join(wheel) + "\n").encode("utf-8"), 0o644))
    entries.sort(key=lambda e: e[0])
    record = io.StringIO()
    for path, data, _ in entries:
        record.write("%s,%s,%d\n" % (path, _record_hash(data), len(data)))
    record.write("%s/RECORD,,\n" % info_dir)
    entries.append((info_dir + "/RECORD", record.getvalue().encode("utf-8"), 0o644))

    filename = "%s-%s-%s.whl" % (dist, version, tag)
    with zipfile.ZipFile(os.path.join(directory, filename), "w") as whl:
        for path, data, mode in entries:
            whl.writestr(_entry(path, mode), data, compresslevel=9)
    return filename


# PEP 517 hooks, for the pre-commit mirror: a wheel with the hook package's metadata only, whose
# one requirement is logcheck at exactly the mirror's version.


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    name, version, requires = _hook_package()
    info_dir = "%s-%s.dist-info" % (normalize(name), version)
    os.makedirs(os.path.join(metadata_directory, info_dir), exist_ok=True)
    lines = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version]
    lines += ["Requires-Dist: " + r for r in requires]
    with open(os.path.join(metadata_directory, info_dir, "METADATA"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return info_dir


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name, version, requires = _hook_package()
    return write_wheel(wheel_directory, name, version, "py3-none-any", ["Requires-Dist: " + r for r in requires], [])


def _hook_package():
    if HOOK_PACKAGE is None:
        raise RuntimeError("this copy of wheel.py is not a pre-commit mirror's build backend")
    return HOOK_PACKAGE["name"], HOOK_PACKAGE["version"], HOOK_PACKAGE["requires"]
