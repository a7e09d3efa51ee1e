import path from 'node:path';
import { writeImportParametersBundle, writeWrappedMaterialBundle } from './src-main/core/bundle';
import { makeImportParameters, tempDir, wrapFor } from './tests/core/bundle/bundle-fixtures';
(async () => {
  const root = await tempDir();
  const now = new Date();
  await writeImportParametersBundle(path.join(root, 'p'), { ceremonyId: 'demo', keys: makeImportParameters(2, now) }, { now });
  await writeWrappedMaterialBundle(path.join(root, 'w'), { ceremonyId: 'demo', keys: makeImportParameters(3, now).map((p) => wrapFor(p)) }, { now });
  console.log(root);
})();
