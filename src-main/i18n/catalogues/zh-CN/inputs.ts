/** Simplified Chinese texts of input files and secrets named by an environment variable; English in ../en/inputs.ts. */
export const zhCNInputs = {
  'problem.INPUT_FILE_UNREADABLE':
    '无法读取{kind, select, wrappingKey {包装密钥文件} importToken {导入令牌文件} material {密钥材料文件} share {份额文件} typedShare {手工输入的份额文件} plan {仪式计划} journal {日志} caCertificates {CA 证书文件} other {文件}} {file}：{reason, select, missing {文件不存在} link {它是一个链接，而不是文件本身} notAFile {它不是普通文件} tooLarge {它有 {size} 字节，超过此类文件最多的 {max} 字节} denied {权限被拒绝} other {系统返回 {errno}}}。',
  'problem.INPUT_FILE_UNREADABLE.next':
    '{reason, select, link {请给出文件本身的路径。} tooLarge {请确认这是正确的文件。} other {请检查路径以及介质是否仍已插入，然后重新执行此步骤。}}',
  'problem.SECRET_ENV_NAME_INVALID':
    '选项 --{option} 应给出环境变量的名称，而不是{holds, select, pin {PIN} other {口令}}；所给内容不是变量名（为防其为机密，不予显示）。',
  'problem.SECRET_ENV_NAME_INVALID.next':
    '请在不回显的情况下将{holds, select, pin {PIN} other {口令}}放入环境变量（read -rs VAR; export VAR），并使用 --{option} VAR。',
  'problem.SECRET_ENV_MISSING': '由 --{option} 指定的环境变量 {name} {state, select, empty {为空} other {未设置}}。',
  'problem.SECRET_ENV_MISSING.next':
    '请在不回显的情况下将 {name} 设置为{holds, select, pin {PIN} other {口令}}（read -rs {name}; export {name}），然后重新运行该命令。',
} as const;
