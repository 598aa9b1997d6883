// html-validate's configuration for the built site (tests/test_site_quality.py).
// "standard" checks conformance to the HTML standard only, not style preferences.
module.exports = {
  extends: ["html-validate:standard"],
  rules: {
    // Material for MkDocs puts autocomplete="off" on its two hidden checkboxes
    // (#__drawer, #__search) on purpose: it stops Firefox from restoring the
    // menu or search as open after "back". The standard does not list
    // autocomplete for checkboxes; the attribute is harmless, and removing it
    // would mean copying Material's base.html, which overrides/ must not do.
    "valid-autocomplete": "off",
  },
};
