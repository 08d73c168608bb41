import { router } from "../../init";

/** Market development funds: budgets, and decisions on requests and claims. */
export const mdfRouter = router({});
