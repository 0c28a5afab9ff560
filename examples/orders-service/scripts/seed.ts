// A developer script: prints the catalog to the terminal. It talks to a person, not to the logs,
// so it keeps console.log (the migration's targets ignore scripts/).
import { allProducts } from "../src/catalog";
import { format } from "../src/money";

for (const product of allProducts()) console.log(`${product.sku}  ${product.name.padEnd(12)} ${format(product.price)}`);
