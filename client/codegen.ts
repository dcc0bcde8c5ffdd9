import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates typed operations and injectable Apollo services from the server's
 * schema.graphql and the `.graphql` files each feature owns. The output is committed;
 * `npm run check` fails when it is out of date.
 */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    'src/app/graphql/generated.ts': {
      plugins: [
        'typescript-operations',
        'typescript-apollo-angular',
      ],
      config: {
        addExplicitOverride: true,
        scalars: { DateTimeISO: 'string' },
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
      },
    },
  },
};

export default config;
