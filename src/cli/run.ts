// Executable entry of the compiled CLI (bin/vigie.js imports it): runs `vigie` with this process's arguments.
import { describeFailure, main } from './main.js';

main(process.argv).catch((err: unknown) => {
  console.error(describeFailure(err));
  process.exit(1);
});
