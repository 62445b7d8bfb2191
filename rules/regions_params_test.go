package rules

import "testing"

// The parameters that differ by region, one row each, with the source in
// the row name. The engine's answers for these regions are tested in the
// policy files (waiting_*, duplicates_*, incentive_*); this table pins the
// data itself, city → province → national.
func TestRegionalParameters(t *testing.T) {
	tests := []struct {
		name   string
		region string
		param  string
		day    string
		want   string
		level  string
	}{
		{"江苏 苏医保 转发43号通知 第十一条情形: employee wait 3", "320000", "employee.longGapWaitMonths", "2026-11-01", "3", LevelProvince},
		{"江苏 转发通知: cap 3", "320000", "employee.longGapWaitCapMonths", "2026-11-01", "3", LevelProvince},
		{"苏州 inherits 江苏: employee wait 3", "320500", "employee.longGapWaitMonths", "2026-11-01", "3", LevelProvince},
		{"南京 inherits 江苏: employee wait 3", "320100", "employee.longGapWaitMonths", "2026-11-01", "3", LevelProvince},
		{"江苏 before the 2022-02-21 notice: national 6", "320500", "employee.longGapWaitMonths", "2022-01-01", "6", LevelNational},
		{"苏州工业园区 2026年度问答: window 10-01 – 12-31", "320500", "resident.window", "2026-01-01", "10-01 – 12-31", LevelCity},
		{"成都 (四川 only a draft): employee wait national 6", "510100", "employee.longGapWaitMonths", "2026-11-01", "6", LevelNational},
		{"四川 征求意见稿: incentive 4000", "510100", "incentive.risePerYear", "2026-01-01", "4000", LevelProvince},
		{"重庆 职工医保等待期规定: 6", "500000", "employee.longGapWaitMonths", "2026-11-01", "6", LevelProvince},
		{"重庆 退费规定 rests on an unverified page: the national rule", "500000", "duplicates.residentRefund", "2026-11-01", "beforeBenefitPeriodOnly", LevelNational},
		{"中山 医保办函〔2021〕11号 第十六条: refund only before the benefit period", "442000", "duplicates.residentRefund", "2026-11-01", "beforeBenefitPeriodOnly", LevelCity},
		{"武汉 续保规定 第4个月: wait 3", "420100", "employee.longGapWaitMonths", "2026-11-01", "3", LevelCity},
		{"湖北 other cities: national 6", "420500", "employee.longGapWaitMonths", "2026-11-01", "6", LevelNational},
		{"青岛 新生儿规定 2022: 6 months", "370200", "newborn.window", "2026-01-01", "P6M", LevelCity},
		{"青岛 2022 “3个月（含缴费当月）”", "370200", "employee.longGapWaitMonths", "2026-01-01", "3", LevelCity},
		{"济南 (山东): newborn national 90 days", "370100", "newborn.window", "2026-01-01", "P90D", LevelNational},
		{"山东 实施意见: incentive 3000", "370100", "incentive.risePerYear", "2026-01-01", "3000", LevelProvince},
		{"珠海 “no refund” rests on an unverified page: the national rule", "440400", "duplicates.residentRefund", "2026-01-01", "beforeBenefitPeriodOnly", LevelNational},
		{"湛江 重复参保 (四): no one-year condition", "440800", "duplicates.employeeKeepMinYears", "2026-01-01", "0", LevelCity},
		{"深圳 (广东, national): one year", "440300", "duplicates.employeeKeepMinYears", "2026-01-01", "1", LevelNational},
		{"江西 9-15 – 2-28 (+1) rests on app data only: the national window", "360100", "resident.window", "2026-01-01", "09-01 – 12-31", LevelNational},
		{"江西: incentive 3000", "360100", "incentive.risePerYear", "2026-01-01", "3000", LevelProvince},
		{"福建 闽政办〔2025〕3号 一（一）: window 9-01 – 12-31", "350300", "resident.window", "2026-01-01", "09-01 – 12-31", LevelProvince},
		{"厦门 2026年度 (海峡导报): window 10-22 – 12-26", "350200", "resident.window", "2026-01-01", "10-22 – 12-26", LevelCity},
		{"宁夏 (national): window 9-01 – 12-31", "640000", "resident.window", "2026-01-01", "09-01 – 12-31", LevelNational},
		{"北京 2026 notice (人民网): window 11-30 – 02-28 of the benefit year", "110000", "resident.window", "2026-01-01", "11-30 – 02-28 (+1)", LevelProvince},
		{"福建 闽政办〔2025〕3号 一（一） 延长缴费期: 1 January to the end of February", "350100", "resident.extension", "2026-01-01", "01-01 – 02-29", LevelProvince},
		{"national: no extension period", "440300", "resident.extension", "2026-01-01", "—", LevelNational},
		{"福建 闽政办〔2025〕3号 一（二）: new students from 1 September", "350100", "student.entryBenefitStart", "2026-01-01", "september", LevelProvince},
		{"重庆 首次以个人身份参保: 6 months", "500000", "employee.firstFlexibleWaitMonths", "2026-01-01", "6", LevelProvince},
		{"南京 退休人员缴费年限: 25/20, 10 actually paid", "320100", "retiree.minYears", "2026-01-01", "男 25 / 女 20 (实际 ≥ 10)", LevelCity},
		{"社会保险法 第二十七条 (national): not set", "310000", "retiree.minYears", "2026-01-01", "—", LevelNational},
	}
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day, _ := parseDate(tt.day)
			p := rs.get(tt.param, tt.region, day)
			if got := p.v.Display(); got != tt.want || p.level != tt.level {
				t.Errorf("got %s (%s), want %s (%s); source %s", got, p.level, tt.want, tt.level, rs.cite(p.v))
			}
		})
	}
}
