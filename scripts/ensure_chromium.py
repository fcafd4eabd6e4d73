"""Make sure Debian's chromium is there for the browser tests, installing it when we can.

Never downloads a browser build of its own: only Debian's package, and only as root. Without
it the browser tests are reported as skipped with the reason (unless LONTAR_REQUIRE_BROWSER=1).
"""

import os
import shutil
import subprocess
import sys

if shutil.which("chromium") or os.path.exists("/usr/bin/chromium"):
    sys.exit(0)
if os.geteuid() != 0 or not shutil.which("apt-get"):
    print("Browser tests will be skipped: Debian's chromium is missing (apt-get install chromium).")
    sys.exit(0)
print("Installing Debian's chromium for the browser tests …")
env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
result = subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env, check=False)
if result.returncode != 0:
    print("Could not install chromium; browser tests will be skipped.")
