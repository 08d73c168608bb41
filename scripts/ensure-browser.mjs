// Makes sure the browser tests have a Chromium, first thing in `npm test`, so a missing browser is
// reported in seconds rather than after the unit tests and a build.
//
// Order (see browser-path.mjs): CHROMIUM_PATH, Debian's Chromium, Chromium/Chrome on PATH,
// Playwright's own browser if it is on disk. When none is there and this machine may install
// Debian packages (root, or passwordless sudo, with apt-get), installs `chromium` and
// `fonts-noto-core` (Arabic screenshots need the font); otherwise stops with one line naming what to
// install. A present browser with the font missing only gets a warning when the font cannot be installed.
// Prints the path it settled on. Writes nothing outside the repository except what apt-get installs.
//
// TIERWISE_NO_INSTALL=1 behaves as a user who may not install (used to test that path).
import { spawnSync } from "node:child_process";
import { APT_PACKAGES, failureMessage, findChromium, hasApt, isExecutableFile } from "./browser-path.mjs";

const FONT_PACKAGE = "fonts-noto-core";

function log(line) {
  console.log(`ensure-browser: ${line}`);
}

function fail(line) {
  console.error(line);
  process.exit(1);
}

/** The command prefix that runs apt-get with the right to install, or null when this user may not. */
function installPrefix() {
  if (process.env.TIERWISE_NO_INSTALL === "1") return null;
  if (process.platform !== "linux" || !hasApt()) return null;
  if (process.getuid?.() === 0) return [];
  const sudo = spawnSync("sudo", ["-n", "true"], { stdio: "ignore", timeout: 5_000 });
  return sudo.status === 0 ? ["sudo", "-n"] : null;
}

/** Whether dpkg says a package is installed; undefined where there is no dpkg. */
function dpkgInstalled(pkg) {
  if (!isExecutableFile("/usr/bin/dpkg-query")) return undefined;
  const query = spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8", timeout: 10_000 });
  return query.status === 0 && query.stdout.trim() === "install ok installed";
}

function aptGet(prefix, args) {
  const argv = [...prefix, "apt-get", ...args];
  log(`running ${argv.join(" ")}`);
  const run = spawnSync(argv[0], argv.slice(1), {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return run.status === 0;
}

function install(prefix, packages) {
  log(`installing Debian's ${packages.join(" ")} with apt-get`);
  if (!aptGet(prefix, ["update", "-q"]))
    log("warning: apt-get update failed; trying the install with the package lists already here");
  return aptGet(prefix, ["install", "-y", "-q", ...packages]);
}

function versionOf(file) {
  const run = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 20_000 });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

let found = findChromium();
if (!found.ok && found.reason === "bad-env") fail(failureMessage(found));

const fontMissing = dpkgInstalled(FONT_PACKAGE) === false;
const wanted = [...(found.ok ? [] : ["chromium"]), ...(fontMissing ? [FONT_PACKAGE] : [])];
if (wanted.length > 0) {
  const prefix = installPrefix();
  if (prefix === null) {
    if (!found.ok) fail(failureMessage(found));
    log(
      `warning: ${FONT_PACKAGE} is not installed, so Arabic text in screenshots may show as boxes: run \`sudo apt-get install ${FONT_PACKAGE}\``,
    );
  } else {
    const packages = APT_PACKAGES.filter((pkg) => wanted.includes(pkg));
    if (!install(prefix, packages)) {
      if (!found.ok) fail(`apt-get could not install ${packages.join(" ")} (see above). ${failureMessage(found)}`);
      log(`warning: apt-get could not install ${FONT_PACKAGE}; Arabic text in screenshots may show as boxes`);
    }
    found = findChromium();
    if (!found.ok) fail(failureMessage(found));
  }
}

const version = versionOf(found.path);
log(`Chromium at ${found.path} (${found.source})${version ? `: ${version}` : ", but `--version` did not answer"}`);
