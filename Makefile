# Kunskapsarena: `make site` builds the arena, `make test` runs every test.
# The virtualenv is created on first use; it is rebuilt when the pins change.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# axe-core for the browser accessibility audit: pinned, from the npm registry, checked against its integrity.
AXE_CORE_VERSION   := 4.14.1
AXE_CORE_INTEGRITY := sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==
AXE_CORE_JS        := $(VENV)/axe-core-$(AXE_CORE_VERSION)/axe.min.js

.PHONY: site serve check test bench new clean schema cms audit screenshots

site: $(STAMP)
	$(BIN)/arena build

# make serve ADDR=127.0.0.1:8123 (default 127.0.0.1:8000): the live preview (README, Preview).
serve: $(STAMP)
	$(BIN)/arena serve $(if $(ADDR),--addr $(ADDR))

check: $(STAMP)
	$(BIN)/arena check $(if $(FORMAT),--format $(FORMAT))

test: $(STAMP) $(AXE_CORE_JS)
	AXE_CORE_JS=$(AXE_CORE_JS) $(BIN)/python -m pytest -n 2

# Audit every page with axe-core and record the result in data/accessibility-audit.yml,
# which the accessibility statement shows (commit the file with the release).
audit: $(STAMP) $(AXE_CORE_JS)
	ARENA_RECORD_AUDIT=1 AXE_CORE_JS=$(AXE_CORE_JS) $(BIN)/python -m pytest tests/test_browser_axe.py

# PNGs of the start page, method bank, a method and a case (desktop and mobile) for the README.
screenshots: $(STAMP)
	ARENA_SCREENSHOTS_DIR=docs/screenshots $(BIN)/python -m pytest tests/test_browser_screenshots.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# JSON Schema per content type for editors (VS Code, remark); rerun after changing data/.
schema: $(STAMP)
	$(BIN)/arena schema

# Decap CMS served from the site itself (README, Web editing): needs npm once, not at build time.
# Pinned and checked against its integrity like axe-core; the bundle goes to content/admin/ (git-ignored).
DECAP_CMS_VERSION   := 3.16.3
DECAP_CMS_INTEGRITY := sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==
DECAP_CMS_CACHE     := .cache/decap
cms: $(STAMP)
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch Decap CMS: apt-get install npm" >&2; exit 1; }
	rm -rf $(DECAP_CMS_CACHE) && mkdir -p $(DECAP_CMS_CACHE) content/admin
	cd $(DECAP_CMS_CACHE) && npm pack --silent decap-cms@$(DECAP_CMS_VERSION) >/dev/null
	$(BIN)/python -c 'import base64, hashlib, sys; data = open(sys.argv[1], "rb").read(); \
	    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(); \
	    sys.exit(0 if got == sys.argv[2] else "decap-cms tarball integrity mismatch: " + got)' \
	    $(DECAP_CMS_CACHE)/decap-cms-$(DECAP_CMS_VERSION).tgz '$(DECAP_CMS_INTEGRITY)'
	tar -xzf $(DECAP_CMS_CACHE)/decap-cms-$(DECAP_CMS_VERSION).tgz -C $(DECAP_CMS_CACHE)
	cd $(DECAP_CMS_CACHE)/package/dist && \
	    cp decap-cms.js decap-cms.js.LICENSE.txt *.decap-cms.js *.wasm $(CURDIR)/content/admin/
	rm -rf $(DECAP_CMS_CACHE)

# make new TYPE=method TITLE="Min nya metod"
new: $(STAMP)
	$(BIN)/arena new "$(TYPE)" "$(TITLE)"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Kunskapsarena needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

$(AXE_CORE_JS): | $(STAMP)
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed for the accessibility tests: apt-get install npm" >&2; exit 1; }
	rm -rf $(@D) && mkdir -p $(@D)
	cd $(@D) && npm pack --silent axe-core@$(AXE_CORE_VERSION) >/dev/null
	$(BIN)/python -c 'import base64, hashlib, sys; data = open(sys.argv[1], "rb").read(); \
	    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(); \
	    sys.exit(0 if got == sys.argv[2] else "axe-core tarball integrity mismatch: " + got)' \
	    $(@D)/axe-core-$(AXE_CORE_VERSION).tgz '$(AXE_CORE_INTEGRITY)'
	tar -xzf $(@D)/axe-core-$(AXE_CORE_VERSION).tgz -C $(@D) --strip-components=1 package/axe.min.js package/LICENSE
	rm $(@D)/axe-core-$(AXE_CORE_VERSION).tgz

clean:
	rm -rf site .site-* $(VENV)
