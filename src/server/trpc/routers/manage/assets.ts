import { router } from "../../init";

/** The asset library staff keep. */
export const assetsRouter = router({});
