/**
 * KMS key states as the API numbers and names them (the one table; core/kms/types.ts and the key
 * list's state filters, ipc/schemas/online.ts, derive from it; the catalogue's KEY_STATE has one
 * branch for each; kms-state.ts says them). In a file of its own that imports nothing, so what the
 * renderer compiles from the contract can derive from it too (tests/layout.test.ts). Huawei's KMS API reference: key_state
 * 1 待激活, 2 启用, 3 禁用, 4 计划删除, 5 等待导入, 7 冻结 (there is no 6).
 */
export const KMS_STATE_NAMES = {
  1: 'Pending activation',
  2: 'Enabled',
  3: 'Disabled',
  4: 'Pending deletion',
  5: 'Pending import',
  7: 'Frozen',
} as const;
