export { formatCount, formatInteger, formatPercent } from "./count";
export { formatDuration, formatOffset } from "./duration";
export { currencyFor, formatMoney } from "./money";
export { shortId } from "./id";
export { SERVICE_PALETTE_SIZE, hashString, serviceColor, serviceColorIndex, valueColor } from "./service-color";
export { formatAbsolute, formatRelative, nanosToMs, offsetMs } from "./time";
