import { router } from "../../init";

/** Co-branded material rendered for the partner. */
export const cobrandRouter = router({});
