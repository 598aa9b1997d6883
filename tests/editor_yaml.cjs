// Writes YAML files back the way the form editor (Decap CMS) does when it saves:
// its own YAML library (the `yaml` package that decap-cms-core depends on) and the
// same steps as decap-cms-core/src/formats/yaml.ts (fromFile, then toFile).
// Usage: node tests/editor_yaml.cjs IN OUT [IN OUT ...]
"use strict";
const fs = require("fs");
const path = require("path");
const core = path.dirname(require.resolve("decap-cms-core/package.json"));
const yaml = require(require.resolve("yaml", { paths: [core] }));

const timestampTag = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "!timestamp",
  test: /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\.[0-9]+)?)Z$/,
  resolve: (str) => new Date(str),
  stringify: (value) => value.toISOString(),
};

function fromFile(content) {
  if (content && content.trim().endsWith("---")) content = content.trim().slice(0, -3);
  const doc = yaml.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join("\n"));
  return doc.toJSON();
}

function toFile(data) {
  const contents = yaml.createNode(data);
  const doc = new yaml.Document();
  doc.contents = contents;
  return doc.toString();
}

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  fs.writeFileSync(args[i + 1], toFile(fromFile(fs.readFileSync(args[i], "utf8"))));
}
