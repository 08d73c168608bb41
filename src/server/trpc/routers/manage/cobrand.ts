import { router } from "../../init";

/** Co-branded templates staff keep. */
export const cobrandRouter = router({});
