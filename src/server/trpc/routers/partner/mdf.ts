import { router } from "../../init";

/** Market development funds: the partner's budget, requests and claims. */
export const mdfRouter = router({});
