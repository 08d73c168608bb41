import { router } from "../../init";

/** The asset library a partner's tier unlocks. */
export const assetsRouter = router({});
