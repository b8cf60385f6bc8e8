package coder

import "testing"

// TestArabicSalience: a sentence reports the event its trigger names only
// when the trigger is not the topic of a comment, an accusation or an
// inquiry (تعليقا على … اختطاف، بالوقوف وراء اغتيال، فيما يتعلق بالهجوم،
// علاقة بخطف), not an event already told (لهذا الهجوم), not a kind of
// violence (مهما ارتكبوا من تفجير وقتل، سجن وقتل وتهجير), not the old
// event that dates the news, and not an example; a crowd that goes out,
// gathers or marches reports a protest, a gathering without a protest
// word does not, nor a protest that is only the setting of the dead and
// wounded, one under a condition, or one that is only an aim. Each rule has a case
// it must not touch.
func TestArabicSalience(t *testing.T) {
	tests := []struct {
		name, plover, text string
		reported           bool
		// below, when set, is the confidence a mention that is not
		// reported must stay under (else the evaluation's 0.7): the
		// phrase, not the lack of a place or a count, makes it low
		below float64
	}{
		// a nominal trigger in a phrase about the event
		{"comment on", "ASSAULT", "وتعليقا على ما نشر عن دور الحرس في اختطاف ثلاثة صحافيين أجانب في طهران أمس، قال المتحدث إنه لا يعلق.", false, 0.5},
		{"accused of being behind", "ASSAULT", "واتهمت حركة حماس جهاز الأمن بالوقوف وراء اغتيال خمسة من قادتها في مدينة غزة أمس.", false, 0},
		{"as regards", "ASSAULT", "وفيما يتعلق بالهجوم الذي شنه المسلحون على الحاجز شمال بغداد أمس وأسفر عن مقتل خمسة جنود، قال الوزير إن قواته سترد بحزم.", false, 0},
		{"dismay at this attack", "ASSAULT", "وأعرب الأمين العام عن انزعاجه الشديد لهذا الهجوم على الفندق في مقديشو أمس، وقدم العزاء لأسر الضحايا.", false, 0.3},
		{"a link to", "ASSAULT", "وأعلنت الشرطة أن للعصابة علاقة بخطف التاجر في البصرة أمس.", false, 0},
		{"about-word after the reported killing", "ASSAULT", "قتل ثلاثة جنود في هجوم على حاجز حول مدينة الموصل أمس.", true, 0},
		{"responsibility claimed", "ASSAULT", "وتبنت الجماعة المسؤولية عن تفجير سيارة مفخخة أسفر عن مقتل عشرة جنود في الموصل أمس.", true, 0},
		{"traded accusations of", "ASSAULT", "وتبادل الطرفان الاتهامات باستهداف المدنيين في القرى الحدودية أمس.", false, 0.3},
		{"investigations into", "ASSAULT", "وبدأت الشرطة أمس التحقيقات في الهجوم على مركز للشرطة في كركوك.", false, 0.3},
		{"celebrating a killing", "ASSAULT", "وظهر المسلحون في الشريط وهم يحتفلون بقتل خصومهم في الحي.", false, 0},
		{"suspected of being a bomber", "ASSAULT", "وقدم الوفد صورة لمشتبه بأنه انتحاري فجر نفسه في القطار في يوليو 2006.", false, 0.4},
		{"anniversary", "ASSAULT", "وأحيا آلاف اللبنانيين أمس الذكرى السنوية الأولى لاغتيال النائب في بيروت.", false, 0.3},
		// a trial or an accusation about an attack
		{"indictment", "ASSAULT", "وتبلغ المتهمون قرار الاتهام أمس في المحكمة العسكرية في بيروت حيث قتل النائب في تفجير سيارة مفخخة مع عشرة من مرافقيه.", false, 0},
		{"accused of having bombed", "ASSAULT", "واتهمت النيابة الرجال الثلاثة بأنهم أقدموا على تفجير سيارة مفخخة أمام الوزارة أدت إلى مقتل حارس.", false, 0},
		{"acquitted of", "ASSAULT", "وقضت المحكمة أمس بتبرئة ستة رجال بينهم شقيق القيادي الذي قتل في غارة جوية في مأرب عام 2003.", false, 0.4},
		{"stormed the court and killed", "ASSAULT", "واقتحم مسلحون مبنى المحكمة في الموصل أمس وقتلوا قاضيا وحارسين.", true, 0},
		// a fright or a disease, no wound
		{"struck with panic", "ASSAULT", "وأصيب سكان الحي بالهلع عندما رأوا الدبابات في الشوارع أمس.", false, 0},
		{"wounded", "ASSAULT", "وأصيب ثلاثة أشخاص بجروح في انفجار عبوة ناسفة في سوق ببغداد أمس.", true, 0},
		// an event already told
		{"this attack, its dead told before", "ASSAULT", "قتل خمسة أشخاص في هذا الهجوم الذي استهدف سوقا في بغداد أمس.", true, 0},
		// kinds of violence
		{"whatever they did of", "ASSAULT", "وقال الزعيم في خطبته في بغداد أمس إنهم مهما ارتكبوا من تفجير وقتل فلن نتراجع.", false, 0},
		{"list of three", "ASSAULT", "وقال التقرير إن سكان الإقليم يعانون من سجن وقتل وتهجير على يد الميليشيات في دارفور.", false, 0},
		// the old event that dates the news
		{"dated anchor", "ASSAULT", "وتصاعد التوتر بين البلدين بعد هجوم انتحاري قتل فيه 30 شخصا قرب السفارة في كابل في مارس 2020.", false, 0},
		{"undated anchor", "ASSAULT", "وفر عشرات السجناء من السجن فجر اليوم بعد قصف مدفعي استهدف محيطه.", true, 0},
		{"killed after an attack", "ASSAULT", "وقتل عشرة أشخاص بعد هجوم انتحاري استهدف سوقا في كابل أمس.", true, 0},
		// an example
		{"example", "ASSAULT", "ومثال ذلك مجرم يصيب شخصا بجرح عميق في شارع في القاهرة.", false, 0},
		// a crowd in the street
		{"protesters went out", "PROTEST", "وخرج المتظاهرون إلى شوارع بغداد مساء أمس مرددين هتافات ضد الحكومة.", true, 0},
		{"supporters gathered chanting", "PROTEST", "تجمع عدد من أنصار المرشح أمس في ساحة البلدية في طرابلس مرددين هتافات ضد خصومه.", true, 0},
		{"thousands had gone out", "PROTEST", "وكان الآلاف من سكان المدينة قد خرجوا في مسيرات في شوارع عمان أمس.", true, 0},
		{"thousands came down", "PROTEST", "ونزل آلاف المحتجين إلى شوارع الخرطوم أمس.", true, 0},
		{"banners only", "PROTEST", "ورفع المتظاهرون لافتات تطالب بالإصلاح.", false, 0},
		// a gathering with no protest word
		{"cars gathered", "PROTEST", "وتجمعت مئات السيارات عند المعبر الحدودي مع سوريا أمس بسبب الزحام.", false, 0},
		{"fans gathered", "PROTEST", "وحضر المباراة أكثر من ثلاثين ألف متفرج تجمعوا في ملعب الدوحة أمس.", false, 0},
		// a protest that is where the news happened
		{"killed in riots", "PROTEST", "وقتل سبعة أشخاص في أعمال الشغب التي شهدتها ضاحية بيروت الجنوبية يوم الأحد.", false, 0},
		{"protested over a killing", "PROTEST", "وتظاهر آلاف العمال في القاهرة أمس احتجاجا على مقتل زميلهم برصاص الشرطة.", true, 0},
		{"dead before the crowd blocked roads", "PROTEST", "وقتل خمسة أشخاص في أعمال العنف التي شهدتها المدينة يوم السبت بعد أن قطع المتظاهرون الطرقات بالإطارات المشتعلة.", false, 0},
		{"blocked roads, then clashes", "PROTEST", "وقطع المتظاهرون الطرقات بالإطارات المشتعلة في المدينة يوم السبت قبل أن يقتل خمسة أشخاص في مواجهات مع الشرطة.", true, 0},
		// a protest that is the topic of an inquiry
		{"inquiry into riots", "PROTEST", "وبدأت النيابة العامة أمس التحقيق في أحداث الشغب التي شهدتها مدينة طنطا.", false, 0.4},
		{"the right to protest", "PROTEST", "وقال الوزير إن القانون يكفل للمواطنين حق التظاهر السلمي في كل المدن.", false, 0.5},
		// a protest that would happen
		{"even if a million protested", "PROTEST", "وعلق المتظاهر على الأمر قائلا إن الحكومة لن تتراجع حتى لو تظاهر مليون شخص في العاصمة اليوم.", false, 0},
		// a protest that is an aim
		{"forestall", "PROTEST", "وقال النائب إن الإجراءات جاءت لقطع الطريق على المتظاهرين في الديوانية أمس.", false, 0},
		{"take part in", "PROTEST", "ودعت النقابة أعضاءها للمشاركة في مظاهرة حاشدة أمام البرلمان في بيروت أمس.", false, 0.3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			checkSpans(t, tt.text, r)
			min := 0.7
			if !tt.reported && tt.below > 0 {
				min = tt.below
			}
			e := factualAt(r, tt.plover, min)
			if got := e != nil; got != tt.reported {
				t.Errorf("reported %s (confidence >= %.2f) = %v, want %v: %+v", tt.plover, min, got, tt.reported, r.Events)
			}
		})
	}
}
