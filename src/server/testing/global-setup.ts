import type { TestProject } from "vitest/node";
import { buildTemplate, dropTemplate, type TestTemplate } from "./template";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: TestTemplate;
  }
}

export default async function setup(project: TestProject) {
  const template = await buildTemplate();
  project.provide("dbTemplate", template);
  return async () => {
    await dropTemplate(template);
  };
}
