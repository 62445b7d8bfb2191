package rules

// Transfers between regions (转移接续): 医保办发〔2021〕43号; retirees file
// for care where they live instead (第二条).

// transfer lists the steps to move an enrollment between regions
// (医保办发〔2021〕43号; retirees file for care elsewhere instead, 第二条).
func (e *engine) transfer(dup *DuplicatesAnswer) *TransferAnswer {
	n := len(e.h.spans)
	if n == 0 {
		return nil
	}
	stopped := dup.stopped()
	var from *span
	to, toScheme := "", ""
	switch {
	case e.retired():
		// A retiree living away from the insuring region files for care there.
		for i := range e.h.spans {
			if s := &e.h.spans[i]; s.retiree {
				from = s
			}
		}
		to = e.in.Person.Residence
		if to == "" && e.in.Plan != nil {
			to = e.in.Plan.Region // where the retiree thought of enrolling: where they live
		}
		if from == nil || to == "" || sameArea(from.region, to) {
			return nil
		}
		toScheme = Employee
	case e.in.Plan != nil:
		for i := range e.h.spans {
			if s := &e.h.spans[i]; !stopped[s.id] && (from == nil || s.end > from.end) {
				from = s
			}
		}
		to, toScheme = e.in.Plan.Region, e.in.Plan.Scheme
	case n >= 2:
		// The latest move between enrollments that are kept and follow each
		// other; overlapping records are duplicates, not a move.
		var last *span
		for i := n - 1; i >= 0; i-- {
			if s := &e.h.spans[i]; !stopped[s.id] {
				last = s
				break
			}
		}
		if last == nil {
			return nil
		}
		from = e.h.before(last.from, last)
		if from == nil || stopped[from.id] || from.end >= last.from {
			return nil
		}
		to, toScheme = last.region, last.scheme
	}
	if from == nil || from.region == to {
		return nil
	}
	pTo := e.params(to)
	days := pTo.TransferWorkingDays.At(e.asOf)
	out, in := e.params(from.region).TransferOutWorkingDays.At(e.asOf), pTo.TransferInWorkingDays.At(e.asOf)
	src := e.cite(days.v)
	t := &TransferAnswer{From: from.region, FromName: regionName(from.region), To: to, ToName: regionName(to),
		FromScheme: from.scheme, ToScheme: toScheme, Kind: "transfer", WorkingDays: days.V}
	fromName, toName := regionText(from.region), regionText(to)
	if e.retired() {
		t.Kind = "filing"
		addText(&t.Steps, "transfer.filing/stays", "from", fromName)
		t.Main = len(t.Steps) // what changes: the filing
		addText(&t.Steps, "transfer.filing/file", "to", toName)
		addText(&t.Steps, "transfer.filing/where")
		addText(&t.Materials, "transfer.filing/materials")
		channels(&t.Channels)
		addText(&t.DoNot, "transfer.filing/doNot")
		addStep(&t.Explain, "transfer.retiree", e.rs.citeDoc("ybbf2021-43", "第二条"))
		return t
	}
	if from.scheme == Resident && toScheme == Resident {
		e.residentMove(t, from)
		return t
	}
	maxGap := pTo.EmployeeBackpayMaxGapMonths.At(e.asOf)
	deadline := backpayDeadline(from.to, maxGap.V)
	addText(&t.Steps, "transfer.step/stop", "from", fromName)
	addText(&t.Steps, "transfer.step/enroll", "to", toName, "how", enrollHow(toScheme))
	addText(&t.Steps, "transfer.step/apply")
	addText(&t.Steps, "transfer.step/time", "out", out.V, "in", in.V, "days", days.V)
	addText(&t.Steps, "transfer.step/years")
	addText(&t.Materials, "transfer.materials/id")
	addText(&t.Materials, "transfer.materials/employer")
	channels(&t.Channels)
	addText(&t.DoNot, "transfer.doNot/order")
	addText(&t.DoNot, "transfer.doNot/retiree")
	if !deadline.Before(e.asOf) {
		addText(&t.DoNot, "transfer.doNot/gap", "maxGap", maxGap.V, "deadline", deadline)
	}
	addStep(&t.Explain, "transfer.steps", e.rs.citeDoc("ybbf2021-43", "第三条"), "from", fromName, "fromScheme", schemeText(from.scheme), "to", toName, "toScheme", schemeText(toScheme))
	addStep(&t.Explain, "transfer.time", src, "out", out.V, "in", in.V, "days", days.V)
	addStep(&t.Explain, "transfer.years", e.rs.citeDoc("shbxf", "第三十二条"))
	return t
}

// enrollHow says how to enroll in a scheme in a new region.
func enrollHow(scheme string) Text {
	if scheme == Employee {
		return say("transfer.how/employee")
	}
	return say("transfer.how/resident")
}

// channels adds the ways to apply for a transfer to *texts.
func channels(texts *[]Text) {
	addText(texts, "transfer.channel/app")
	addText(texts, "transfer.channel/platform")
	addText(texts, "transfer.channel/counter")
}

// residentMove lists the steps of a resident moving to another region:
// 医保办发〔2021〕43号 “居民医保参保人员因户籍或常住地变动跨统筹地区流动，
// 原则上当年度在转入地不再办理转移接续手续，参保人员按转入地规定参加下一年度
// 居民医保” — nothing is stopped, the year paid runs out where it was paid.
func (e *engine) residentMove(t *TransferAnswer, from *span) {
	fromName, toName := regionText(from.region), regionText(t.To)
	next := from.to.Year() + 1
	wFrom, wTo, wp := e.window(t.To, next)
	addText(&t.Steps, "transfer.move/stays", "from", fromName, "until", from.to.Last())
	t.Main = len(t.Steps) // what to do: join next year there
	addText(&t.Steps, "transfer.move/join", "to", toName, "year", next, "windowFrom", wFrom, "windowTo", wTo)
	addText(&t.Steps, "transfer.move/noMore", "from", fromName)
	addText(&t.Materials, "transfer.move/materials", "to", toName)
	channels(&t.Channels)
	addText(&t.DoNot, "transfer.move/doNot")
	addStep(&t.Explain, "transfer.residentMove", e.rs.citeDoc("ybbf2021-43", "第十一条")+"；"+e.cite(wp.v))
}

// sameArea reports whether two region codes are the same 统筹地区, or a
// city and its own province given as the place.
func sameArea(a, b string) bool {
	return a == b || (ProvinceOf(a) == ProvinceOf(b) && (a == ProvinceOf(a) || b == ProvinceOf(b)))
}
