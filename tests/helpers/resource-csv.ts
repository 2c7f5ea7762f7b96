/** A resource import file (.csv, the template's headers) of `rows` instruments, labelled `batch`. */
export function instrumentCsv(rows: number, batch: string | number): string {
  const lines = ['类别,名称,所属单位,共享方式,联系人,联系电话,型号,预约方式,设备状态,原值（万元）,简介'];
  for (let n = 0; n < rows; n++) {
    lines.push(`大型科研仪器设备,第${batch}批仪器${n},哈尔滨工业大学,免费,王老师,0451-8641${String(n % 10000).padStart(4, '0')},M-${n},时间预约,空闲,${n % 900},第 ${batch} 批导入的第 ${n} 台仪器`);
  }
  return lines.join('\r\n');
}
