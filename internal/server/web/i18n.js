// Interface strings in English and Arabic. Data (article text, names) is
// never translated here.

const en = {
  'nav.events': 'Events', 'nav.try': 'Try it', 'nav.sites': 'Sites',
  'f.type': 'Type', 'f.any': 'any', 'f.from': 'From', 'f.to': 'To', 'f.country': 'Country',
  'f.admin1': 'Governorate', 'f.place': 'Place', 'f.actor': 'Actor', 'f.speaker': 'Speaker',
  'f.modality': 'Modality', 'f.q': 'Text', 'f.inview': 'Only what the map shows',
  'f.apply': 'Apply', 'f.clear': 'Clear',
  export: 'Export', 'export.csv': 'CSV', 'export.geojson': 'GeoJSON', 'export.jsonl': 'JSON lines',
  more: 'More', timeline: 'Events per day', 'timeline.week': 'Events per week', 'brush.clear': 'Clear range', back: '← Back to events',
  'try.title': 'Try it: code a report',
  'try.hint': 'Paste an Arabic or English report. It is coded on the server and not stored.',
  'try.lang': 'Language', 'try.auto': 'detect', 'try.published': 'Published', 'try.go': 'Code it',
  'try.none': 'No events found in this text.', 'try.working': 'Coding…',
  'sites.title': 'Sites: prisons and camps',
  'sites.hint': 'Standing figures as reported over time, each with who reported it.',
  'sites.none': 'No standing figures in the record.',
  'list.none': 'No events match these filters.',
  'col.date': 'Date', 'col.type': 'Type', 'col.place': 'Place', 'col.actors': 'Actors', 'col.figures': 'Figures',
  'col.sources': 'Sources',
  'd.acled': 'ACLED', 'd.plover': 'PLOVER', 'd.modality': 'Modality', 'd.actors': 'Actors',
  'd.claims': 'Claims', 'd.noclaims': 'No figures were claimed for this event.',
  'd.reconciliation': 'Reconciliation', 'd.sources': 'Source sentences', 'd.documents': 'documents',
  'd.mentions': 'mentions', 'd.conflict': 'conflicting figures', 'd.denied': 'denied by a source',
  'c.figure': 'Figure', 'c.speaker': 'Speaker', 'c.outlet': 'Outlet', 'c.date': 'Date', 'c.modality': 'Modality',
  'r.range': 'Range', 'r.median': 'Median', 'r.most': 'Most attributed', 'r.support': 'reports',
  'r.claims': 'claims', 'r.sources': 'sources', 'r.reports': 'independent reports',
  'events': 'events', 'documents': 'documents', 'figures': 'figures', 'at': 'at', 'unknown': 'unknown place',
  // Singular forms, used by Lang.n for a count of one.
  'events.one': 'event', 'documents.one': 'document', 'figures.one': 'figure', 'd.documents.one': 'document',
  'd.mentions.one': 'mention', 'r.support.one': 'report', 'r.claims.one': 'claim', 'r.sources.one': 'source',
  'r.reports.one': 'independent report',
  'kind.trigger': 'event', 'kind.actor': 'actor', 'kind.target': 'target', 'kind.place': 'place',
  'kind.date': 'date', 'kind.count': 'count', 'kind.speaker': 'speaker', 'kind.figure': 'figure',
  'popup.more': 'more events here', 'popup.events': 'events', 'map.busiest': 'map: busiest places',
  error: 'Error',
  'm.asserted': 'asserted', 'm.claimed': 'claimed', 'm.denied': 'denied', 'm.feared': 'feared',
  'm.warned': 'warned', 'm.planned': 'planned', 'm.hypothetical': 'hypothetical',
};

const ar = {
  'nav.events': 'الأحداث', 'nav.try': 'جرّب', 'nav.sites': 'المواقع',
  'f.type': 'النوع', 'f.any': 'الكل', 'f.from': 'من', 'f.to': 'إلى', 'f.country': 'البلد',
  'f.admin1': 'المحافظة', 'f.place': 'المكان', 'f.actor': 'الفاعل', 'f.speaker': 'المصدر',
  'f.modality': 'الصيغة', 'f.q': 'نص', 'f.inview': 'ما تعرضه الخريطة فقط',
  'f.apply': 'تطبيق', 'f.clear': 'مسح',
  export: 'تصدير', 'export.csv': 'CSV', 'export.geojson': 'GeoJSON', 'export.jsonl': 'JSON lines',
  more: 'المزيد', timeline: 'الأحداث في اليوم', 'timeline.week': 'الأحداث في الأسبوع', 'brush.clear': 'إلغاء النطاق', back: '→ العودة إلى الأحداث',
  'try.title': 'جرّب: ترميز تقرير',
  'try.hint': 'الصق تقريرا بالعربية أو الإنجليزية. يُرمَّز على الخادم ولا يُحفظ.',
  'try.lang': 'اللغة', 'try.auto': 'تلقائي', 'try.published': 'تاريخ النشر', 'try.go': 'رمّز',
  'try.none': 'لم يُعثر على أحداث في هذا النص.', 'try.working': 'جارٍ الترميز…',
  'sites.title': 'المواقع: السجون والمخيمات',
  'sites.hint': 'الأرقام الثابتة كما وردت عبر الزمن، مع مصدر كل رقم.',
  'sites.none': 'لا أرقام ثابتة في السجل.',
  'list.none': 'لا أحداث تطابق هذه المرشحات.',
  'col.date': 'التاريخ', 'col.type': 'النوع', 'col.place': 'المكان', 'col.actors': 'الأطراف', 'col.figures': 'الأرقام',
  'col.sources': 'المصادر',
  'd.acled': 'ACLED', 'd.plover': 'PLOVER', 'd.modality': 'الصيغة', 'd.actors': 'الأطراف',
  'd.claims': 'الروايات', 'd.noclaims': 'لم تُذكر أرقام لهذا الحدث.',
  'd.reconciliation': 'التوفيق بين الروايات', 'd.sources': 'الجمل المصدر', 'd.documents': 'وثائق',
  'd.mentions': 'إشارات', 'd.conflict': 'أرقام متعارضة', 'd.denied': 'نفاه مصدر',
  'c.figure': 'الرقم', 'c.speaker': 'المصدر', 'c.outlet': 'الوسيلة', 'c.date': 'التاريخ', 'c.modality': 'الصيغة',
  'r.range': 'المدى', 'r.median': 'الوسيط', 'r.most': 'الأكثر إسنادا', 'r.support': 'تقارير',
  'r.claims': 'روايات', 'r.sources': 'مصادر', 'r.reports': 'تقارير مستقلة',
  'events': 'أحداث', 'documents': 'وثائق', 'figures': 'أرقام', 'at': 'في', 'unknown': 'مكان غير معروف',
  // Singular forms: Arabic counts one, and eleven and above, with the
  // singular noun (Lang.n).
  'events.one': 'حدث', 'documents.one': 'وثيقة', 'figures.one': 'رقم', 'd.documents.one': 'وثيقة',
  'd.mentions.one': 'إشارة', 'r.support.one': 'تقرير', 'r.claims.one': 'رواية', 'r.sources.one': 'مصدر',
  'r.reports.one': 'تقرير مستقل',
  'kind.trigger': 'حدث', 'kind.actor': 'فاعل', 'kind.target': 'مستهدف', 'kind.place': 'مكان',
  'kind.date': 'تاريخ', 'kind.count': 'عدد', 'kind.speaker': 'مصدر', 'kind.figure': 'رقم',
  'popup.more': 'أحداث أخرى هنا', 'popup.events': 'أحداث', 'map.busiest': 'الخريطة: الأماكن الأكثر أحداثا',
  error: 'خطأ',
  'm.asserted': 'مؤكد', 'm.claimed': 'مُدّعى', 'm.denied': 'منفي', 'm.feared': 'مُتخوَّف منه',
  'm.warned': 'مُحذَّر منه', 'm.planned': 'مخطط', 'm.hypothetical': 'افتراضي',
};

// Event type names.
const types = {
  en: {
    attack: 'attack', airstrike: 'airstrike', shelling: 'shelling', bombing: 'bombing', killing: 'killing',
    abduction: 'abduction', arrest: 'arrest', escape: 'escape', release: 'release', transfer: 'transfer',
    offensive: 'offensive', seizure: 'seizure', agreement: 'agreement', statement: 'statement',
    protest: 'protest', riot: 'riot', displacement: 'displacement',
  },
  ar: {
    attack: 'هجوم', airstrike: 'غارة جوية', shelling: 'قصف', bombing: 'تفجير', killing: 'قتل',
    abduction: 'خطف', arrest: 'اعتقال', escape: 'فرار', release: 'إفراج', transfer: 'نقل',
    offensive: 'هجوم عسكري', seizure: 'سيطرة', agreement: 'اتفاق', statement: 'بيان',
    protest: 'احتجاج', riot: 'شغب', displacement: 'نزوح',
  },
};

const tables = { en, ar };

function fmtCount(n, code) {
  return typeof n === 'number' ? n.toLocaleString(code === 'ar' ? 'ar-u-nu-latn' : 'en-US') : String(n);
}

// Lang holds the interface language and applies it to the document.
export class Lang {
  constructor() {
    let saved = 'en';
    try { saved = localStorage.getItem('marsad.lang') || 'en'; } catch (_) { /* storage off */ }
    this.code = tables[saved] ? saved : 'en';
  }

  t(key) { return tables[this.code][key] ?? en[key] ?? key; }

  // n writes a count with its noun: "1 document", "3 documents"; in Arabic
  // the singular also follows 11 and above (١١ وثيقة).
  n(count, key) {
    const rule = new Intl.PluralRules(this.code).select(count);
    const one = rule === 'one' || (this.code === 'ar' && rule === 'many');
    const word = one ? (tables[this.code][key + '.one'] ?? this.t(key)) : this.t(key);
    return `${fmtCount(count, this.code)} ${word}`;
  }

  type(name) { return types[this.code][name] ?? name; }

  modality(m) { return this.t('m.' + m); }

  set(code) {
    this.code = tables[code] ? code : 'en';
    try { localStorage.setItem('marsad.lang', this.code); } catch (_) { /* storage off */ }
    this.apply();
  }

  // apply sets lang/dir on <html> and translates every [data-i18n] element.
  apply() {
    const root = document.documentElement;
    root.lang = this.code;
    root.dir = this.code === 'ar' ? 'rtl' : 'ltr';
    for (const el of document.querySelectorAll('[data-i18n]')) {
      el.textContent = this.t(el.dataset.i18n);
    }
    const btn = document.getElementById('lang');
    if (btn) btn.textContent = this.code === 'ar' ? 'English' : 'العربية';
  }
}
