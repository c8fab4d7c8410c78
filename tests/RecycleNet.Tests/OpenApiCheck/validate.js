// Validates an OpenAPI document (a file path) against the OpenAPI schema of its version and resolves every $ref:
// prints "valid <version> <paths>" or the first problem, exit 1.
const SwaggerParser = require('@apidevtools/swagger-parser');
SwaggerParser.validate(process.argv[2])
  .then(api => console.log(`valid ${api.openapi} ${Object.keys(api.paths).length}`))
  .catch(e => { console.error(e.message); process.exit(1); });
