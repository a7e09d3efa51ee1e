/** 离线工作站的网络检查（见 ../en/network-check.ts）。接口名和地址不翻译。 */
import type { enNetworkCheck } from '../en/network-check';

export const zhCNNetworkCheck: { readonly [K in keyof typeof enNetworkCheck]: string } = {
  'network.offline': '无网络：只有回环接口处于启用状态。',
  'network.overridden': '警告：存在网络连接，已通过覆盖放行：{interfacesList}。',
  'network.checked': '网络检查：{summary}',
  'network.override-unjournaled':
    '此命令不记日志：除了本屏幕，没有任何地方记录这次覆盖。只能在离线工作站上处理明文密钥材料；只有使用测试材料的演练才可允许联网。',
  'problem.AIRGAP_NETWORK_LIVE': '本机已连接网络（{interfacesList}）；离线工作站不得有任何处于启用状态的网络。',
  'problem.AIRGAP_NETWORK_LIVE.next':
    '{surface, select, app {请拔掉网线并关闭 Wi-Fi 和蓝牙，然后再次点击“检查网络”（以 fe80: 或 169.254. 开头的地址是链路本地地址：该接口仍处于连接状态）。只有演练才可在网络连通时继续（关闭并重新打开 Keyferry 后，在“开始”界面选择“演练”）；这会记入日志。} other {请拔掉网线并关闭 Wi-Fi 和蓝牙，然后重新检查（以 fe80: 或 169.254. 开头的地址是链路本地地址：该接口仍处于连接状态）。只有演练时才可覆盖此检查（--allow-network）；覆盖操作会打印为警告，记日志的命令还会将其记入日志。}}',
};
