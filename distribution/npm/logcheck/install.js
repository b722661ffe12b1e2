// postinstall: replaces bin/logcheck (the Node shim) with the platform package's binary, as a
// hard link or else a copy, so that `npx logcheck` and node_modules/.bin/logcheck start the
// binary directly, with no Node process in between (as esbuild does). The binary is run once
// first (`--version` must say this package's version); on any failure the shim stays, and
// it works as well, only slower to start.
"use strict";

const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const pkg = require("./package.json");
const shim = path.join(__dirname, "bin", "logcheck");

function main() {
  if (process.env.LOGCHECK_BINARY) return "LOGCHECK_BINARY is set";
  if (process.platform === "win32") return "not on Windows";
  if (process.platform === "linux") {
    const header = process.report.getReport().header;
    if (!header.glibcVersionRuntime) return "no glibc";
  }
  const name = "@logcheck/" + process.platform + "-" + process.arch;
  let binary;
  try {
    binary = path.join(path.dirname(require.resolve(name + "/package.json")), "bin", "logcheck");
  } catch (e) {
    return name + " is not installed";
  }
  const said = execFileSync(binary, ["--version"], { encoding: "utf8" });
  if (said !== "logcheck " + pkg.version + "\n") return binary + " --version said " + JSON.stringify(said);
  const temp = shim + ".install";
  try {
    fs.unlinkSync(temp);
  } catch (e) {
    // Not there.
  }
  try {
    fs.linkSync(binary, temp);
  } catch (e) {
    fs.copyFileSync(binary, temp);
    fs.chmodSync(temp, 0o755);
  }
  fs.renameSync(temp, shim);
  return null;
}

try {
  const kept = main();
  if (kept && process.env.npm_config_loglevel === "verbose") {
    console.error("logcheck: kept the Node shim (" + kept + ")");
  }
} catch (e) {
  // The shim stays; it reports a missing binary itself when run.
}
