import { router } from "../../init";

export const certificatesRouter = router({});
