// The logic lives with the other request-security helpers; callers keep importing it from here.
export { clientAddress, clientIp } from "@/server/security/client-address";
