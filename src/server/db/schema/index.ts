export * from "./audit";
export * from "./notifications";
export * from "./partners";
export * from "./program";
export * from "./users";
export * from "./leads";
export * from "./commissions";
export * from "./revenue";
