export { allProducts, categories, findProduct } from "./catalog";
export { Inventory } from "./inventory";
export { logger, setSink } from "./logger";
export { add, format, money, percent } from "./money";
export { cancelOrder, placeOrder } from "./orders";
export { dailyReport } from "./report";
