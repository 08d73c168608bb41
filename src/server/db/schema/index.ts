export * from "./audit";
export * from "./notifications";
export * from "./partners";
export * from "./program";
export * from "./users";
