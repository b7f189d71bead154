// Validates Kubernetes manifests against the Kubernetes API's OpenAPI schema, as compiled into the
// kubernetes-models package: field types, formats, enums (completionMode: Indexed | NonIndexed) and
// required fields, for every object of every document. It does not flag unknown fields (the API's
// schema allows them; the server drops them), so KubernetesExampleTest reads the fields the shard
// protocol relies on by name.
//
//   npm ci && node validate.mjs ../sweep-job.yaml ../results-pod.yaml
//
// Before the files, it checks itself on a manifest with two planted mistakes, so that a validator
// that accepts everything cannot pass.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

async function problems(name, text) {
  const found = [];
  for (const [index, document] of parseAllDocuments(text).entries()) {
    const where = `${name}: document ${index + 1}`;
    if (document.errors.length > 0) {
      found.push(`${where}: not YAML: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    const [group, version] = String(object?.apiVersion ?? "").includes("/")
      ? object.apiVersion.split("/")
      : [null, object?.apiVersion];
    if (!version || !object.kind) {
      found.push(`${where}: no apiVersion or kind`);
      continue;
    }
    const path = group
      ? `kubernetes-models/${group}/${version}/${object.kind}`
      : `kubernetes-models/${version}/${object.kind}`;
    let model;
    try {
      model = (await import(path))[object.kind];
    } catch {
      found.push(`${where}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      const details = (error.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
      found.push(`${where} (${object.kind} ${object.metadata?.name}): ${details.join("; ") || error.message}`);
    }
  }
  return found;
}

const planted = readFileSync(new URL("../sweep-job.yaml", import.meta.url), "utf8")
  .replace("completionMode: Indexed", "completionMode: Indexd")
  .replace("completions: 8", 'completions: "8"');
const caught = await problems("planted", planted);
if (!caught.some((p) => p.includes("/spec/completionMode")) || !caught.some((p) => p.includes("/spec/completions"))) {
  console.error(`validate: the schema check missed planted mistakes (found: ${JSON.stringify(caught)})`);
  process.exit(3);
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const found = await problems(file, readFileSync(file, "utf8"));
  for (const problem of found) console.error(problem);
  failed += found.length;
  if (found.length === 0) console.log(`${file}: valid against the Kubernetes API schema`);
}
process.exit(failed > 0 ? 1 : 0);
