import { router } from "../../init";

export const certificationsRouter = router({});
