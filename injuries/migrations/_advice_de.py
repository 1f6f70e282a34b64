"""The seeded advice in German (du): title, summary and body per advice key, for 0009_advice_translations."""

TEXTS = {
    "overtraining.session_spike": (
        "Ein Lauf, viel länger als dein längster der letzten Zeit",
        "Wer mehr als 10 % weiter lief als beim längsten Lauf des Vormonats, verletzte sich häufiger.",
        """Ein einzelner Lauf, der deutlich länger ist als alles, was du im letzten Monat gelaufen bist, ist das
stärkste bekannte Warnzeichen für Laufverletzungen. In einer Studie mit mehr als 5.000 Läuferinnen und
Läufern ging ein Lauf, der 10–30 % länger war als der längste der vorangegangenen 30 Tage, mit etwa der
1,6-fachen Verletzungsrate einher; bei mehr als der doppelten Strecke mit etwa der 2,3-fachen.

**Was du tun kannst**

- Halte jeden langen Lauf innerhalb von 10 % über deinem längsten Lauf der letzten 30 Tage.
- Arbeite dich über Wochen in kleinen Schritten an eine Wettkampfdistanz heran, nicht mit einem Sprung.
- Mach nach einem solchen Sprung die nächsten zwei, drei Läufe kurz und locker und achte auf Schmerzen am
  nächsten Morgen.
- Die Wochensumme zählt weniger als der längste Einzellauf: Auch eine normale Woche kann einen riskanten
  Lauf enthalten.""",
    ),
    "overtraining.returning": (
        "Wiedereinstieg nach einer Pause",
        "Nach Wochen ohne Laufen langsam wieder aufbauen: kurze, lockere Läufe jeden zweiten Tag.",
        """Sehnen, Knochen und Knorpel verlieren während einer Pause einen Teil ihrer Belastbarkeit, auch wenn sich
deine Ausdauer noch gut anfühlt. Die meisten Verletzungen beim Wiedereinstieg entstehen, wenn man
einfach dort weitermacht, wo man aufgehört hat.

**Ein einfacher Plan für den Wiedereinstieg**

1. Woche 1: drei Läufe von 15–20 Minuten, locker, an nicht aufeinanderfolgenden Tagen. Gehpausen sind in
   Ordnung.
2. Woche 2: vier Läufe, einer davon bis zu 30 Minuten.
3. Danach etwa 10 % pro Woche dazunehmen, mit einer leichteren Woche alle drei bis vier Wochen.

Liegen die Schmerzen am nächsten Morgen über 2/10, bleib ein paar Tage länger auf der aktuellen Stufe.""",
    ),
    "overtraining.acwr": (
        "Verhältnis akuter zu chronischer Belastung",
        "Vergleicht die Belastung der letzten Woche mit deinem 4-Wochen-Schnitt. Sieh es als Trend, nicht als Urteil.",
        """Das Verhältnis von akuter zu chronischer Belastung (Acute:Chronic Workload Ratio) vergleicht, wie viel du
zuletzt trainiert hast (ein exponentiell gewichteter 7-Tage-Durchschnitt aus Anstrengung × Minuten), mit
dem, was du gewohnt bist (ein entsprechender 28-Tage-Durchschnitt). Ein Wert deutlich über 1,5 bedeutet
einen plötzlichen Anstieg der Belastung; deutlich unter 0,8 trainierst du viel weniger als sonst.

Die Idee ist beliebt, aber umstritten: Ihre Statistik wurde kritisiert, und in einer großen
Läuferkohorte sagte sie Verletzungen nicht voraus. Wir zeigen sie als Trendlinie, damit du plötzliche
Veränderungen erkennst, nie als Urteil für sich allein. Die Warnung vor einem einzelnen zu langen Lauf
ist das stärkere Signal.""",
    ),
    "overtraining.weekly_increase": (
        "Wochenkilometer steigen schnell",
        "Große Sprünge bei den Wochenkilometern gingen in einer Kohorte mit mehr Verletzungen einher; die 10-%-Regel selbst ist nicht belegt.",
        """In einer Kohortenstudie hatten Läuferinnen und Läufer, die ihre Wochenkilometer innerhalb von zwei Wochen
um mehr als 30 % steigerten, mehr Verletzungen als diejenigen, die um weniger als 10 % steigerten (der
Unterschied war statistisch nicht gesichert). Eine randomisierte Studie zur klassischen „10-%-Regel“
fand, dass sie allein Verletzungen nicht verhinderte.

**Vernünftiges Vorgehen**

- Steigere allmählich und lass jede dritte oder vierte Woche leichter ausfallen.
- Achte auch auf deinen längsten Einzellauf: Er zählt mehr als die Wochensumme.""",
    ),
    "overtraining.monotony": (
        "Jeder Tag gleich: Monotonie und Beanspruchung",
        "Variiere deine Tage: hart, locker und Ruhe. Eine Monotonie über 2,0 bedeutet wenig Abwechslung.",
        """Die Monotonie ist deine durchschnittliche Tagesbelastung geteilt durch ihre Schwankung über die Woche.
Wenn jeder Tag eine ähnliche Belastung trägt — auch ohne echten Ruhetag —, steigt die Monotonie über 2,0.
Die Beanspruchung (Strain) ist die Wochenbelastung multipliziert mit der Monotonie. Beide Größen hat
Foster eingeführt, um Krankheit und Übertraining bei Sportlerinnen und Sportlern zu erklären.

**Was du tun kannst**: Mach lockere Tage wirklich locker, harte Tage hart, und nimm dir mindestens einen
ganzen Ruhetag pro Woche.""",
    ),
    "rest.missing": (
        "Ruhetage",
        "Das Gewebe passt sich an den freien Tagen an: Nimm dir mindestens einen Ruhetag pro Woche, zwei, wenn etwas wehtut.",
        """Training ist der Reiz; die Anpassung geschieht in der Erholung. Jeden Tag ohne Pause zu laufen, lässt
Sehnen und Knochen keine Zeit für den Umbau und ist ein klassischer Weg zu Überlastungsverletzungen und
Übertraining.

- Plane mindestens einen Tag pro Woche ohne Laufen. Alternativtraining zählt als Ruhetag vom Laufen.
- Wenn etwas wehtut oder die Woche eintönig war, nimm zwei.
- Schlaf gehört zur Erholung: Ziel sind 7–9 Stunden.""",
    ),
    "footwear.worn": (
        "Abgelaufene Schuhe",
        "Schuhe verlieren mit den Kilometern an Dämpfung: Prüfe sie ab etwa 60 % ihrer Laufleistung bis zum Ersatz.",
        """Laufschuhe verlieren in Maschinentests über einige hundert Kilometer einen großen Teil ihrer
Stoßdämpfung. Üblich ist der Rat, sie alle 480–800 km (300–500 Meilen) zu ersetzen, je nach Gewicht,
Untergrund und Schuh. Die Belege, dass abgelaufene Schuhe Verletzungen verursachen, sind dünn; sieh die
Kilometerzahl also als Erinnerung, hinzuschauen, nicht als Urteil.

**Prüfe**: eine zusammengedrückte oder faltige Zwischensohle, eine bis auf den Schaum abgelaufene
Außensohle, eine Fersenkappe, die ihre Form verloren hat, oder neue Beschwerden nach Läufen mit diesem
Paar.""",
    ),
    "footwear.rotation": (
        "Zwei Paare im Wechsel",
        "Wer mehr als ein Paar abwechselnd trug, verletzte sich in einer Kohorte seltener.",
        """In einer Kohorte von Freizeitläuferinnen und -läufern hatten diejenigen, die mehr als ein Paar Schuhe
parallel nutzten, ein geringeres Verletzungsrisiko (Hazard Ratio etwa 0,6). Der Wechsel zwischen Paaren
verändert die Belastung deiner Beine von Lauf zu Lauf ein wenig und gibt dem Schaum jedes Paars Zeit,
sich zu erholen.""",
    ),
    "footwear.untagged": (
        "Ordne deinen Läufen einen Schuh zu",
        "Ohne Schuh bei jedem Lauf werden die Kilometer der Schuhe zu niedrig gezählt.",
        """Die Warnungen zum Schuhverschleiß müssen wissen, in welchem Paar du gelaufen bist. Wähle in deinen
Einstellungen einen Standardschuh, damit neue Läufe automatisch zugeordnet werden, und ordne importierte
Läufe in der Laufliste zu.""",
    ),
    "pain.monitor": (
        "Das Schmerz-Monitoring-Modell",
        "Schmerzen bis 2/10 sind in Ordnung, 3–5 heißt Belastung halten, über 5 oder schlimmer am nächsten Morgen heißt reduzieren.",
        """Mit dem Schmerz-Monitoring-Modell kannst du mit gewissen Schmerzen weitertrainieren, solange sie sich
gutartig verhalten:

- **0–2 (grün)**: akzeptabel. Mach weiter.
- **3–5 (gelb)**: nur akzeptabel, wenn sie bis zum nächsten Morgen wieder abgeklungen sind. Steigere deine
  Belastung nicht.
- **Über 5, am nächsten Morgen schlimmer als am Morgen davor oder Morgenschmerzen, die von Woche zu Woche
  steigen (rot)**: Reduziere — kürzer, langsamer, flacher oder Läufe durch Alternativtraining ersetzen —,
  bis sich die Schmerzen wieder gutartig verhalten.

Zwei rote Tage in einer Woche: Geh zur Physiotherapie.

Das Modell wurde in einer randomisierten Studie bei Achillessehnenschmerzen untersucht. Es auf
Knieschmerzen anzuwenden, ist eine Übertragung, die in der Physiotherapie üblich ist; eine Diagnose ist
es nicht. Trag immer den Wert vom nächsten Morgen ein: Er ist die aussagekräftigste Zahl.""",
    ),
    "pain.red_flag": (
        "Wann du ärztliche Hilfe brauchst",
        "Schwellung, Wärme oder Rötung, ein Knie, das blockiert oder wegknickt, nicht belasten können oder starke Schmerzen: Lass es ärztlich abklären.",
        """Bei manchen Beschwerden sollte eine Ärztin, ein Arzt oder Physiotherapeut draufschauen, bevor du wieder
läufst:

- du kannst das Bein nicht belasten;
- das Knie blockiert, hakt oder knickt weg, oder es lässt sich nicht mehr ganz strecken oder beugen;
- eine sichtbare Schwellung, oder das Gelenk ist warm oder gerötet;
- starke Schmerzen (8/10 oder mehr) oder Schmerzen in der Nacht oder in Ruhe.

Bis zur Untersuchung: nicht laufen, schonen, mehrmals täglich 15–20 Minuten in ein Tuch gewickeltes Eis
auflegen und das Bein hochlagern. Hast du zusätzlich Fieber, oder ist das Bein heiß und stark
geschwollen, such umgehend eine Notfallpraxis oder Notaufnahme auf.""",
    ),
    "pain.persistent": (
        "Schmerzen über Wochen",
        "Schmerzen, die drei Wochen lang wiederkommen, sollten gründlich untersucht werden.",
        """Hat dieselbe Stelle in jeder der letzten drei Wochen mit 3/10 oder mehr wehgetan, ist die Belastung, die
du ihr zumutest, größer als das, wovon sie sich erholt. Eine Physiotherapeutin, ein Physiotherapeut oder
eine Sportmedizinerin, ein Sportmediziner kann die Ursache finden — oft Kraft, Belastung oder Technik —
und dir einen Plan geben, mit dem du weiterlaufen kannst, während es heilt.""",
    ),
    "prevention.strength": (
        "Krafttraining",
        "Krafttraining senkte Sportverletzungen in einer Metaanalyse von Studien um etwa zwei Drittel.",
        """Von allen in Studien getesteten Vorbeugemaßnahmen hat Krafttraining die stärkste Evidenz: In einer
Metaanalyse senkte es Sportverletzungen auf etwa ein Drittel.

**Zwei Einheiten von 20–30 Minuten pro Woche**

- Kniebeugen oder geteilte Kniebeugen, 3 × 8–12
- Ausfallschritte nach vorn und zur Seite, 3 × 8 pro Bein
- Wadenheben, mit gestrecktem und gebeugtem Knie, 3 × 15
- Seitliches Beinheben im Liegen oder seitliche Schritte mit Widerstandsband für die Hüfte, 3 × 12
- Beckenheben (Glute Bridge), 3 × 12

Steigere langsam; leichter Muskelkater ist normal, Gelenkschmerzen sind es nicht.""",
    ),
    "prevention.cross_training": (
        "Alternativtraining während der Erholung",
        "Radfahren, Schwimmen oder Aqua-Jogging erhalten deine Fitness, während sich deine Beine erholen.",
        """Wenn eine Warnung zum Reduzieren rät, musst du keine Fitness verlieren. Aqua-Jogging im tiefen Wasser und
Radfahren erhielten bei trainierten Läuferinnen und Läufern die Laufleistung über Wochen, und wer pro
Woche eine Stunde zusätzlich andere Sportarten betrieb, hatte weniger Laufverletzungen.

Ersetze ein oder zwei Läufe durch eine Einheit von ähnlicher Dauer und Anstrengung auf dem Rad, im
Becken oder auf dem Crosstrainer.""",
    ),
    "prevention.warm_up": (
        "Aufwärmen",
        "Fünf bis zehn Minuten lockeres Einlaufen und dynamische Übungen vor dem Laufen.",
        """Aufwärmen erhöht die Muskeltemperatur und bereitet Sehnen und Gelenke auf die Belastung vor. Beginne
jeden Lauf mit 5–10 Minuten lockerem Einlaufen, dann ein paar dynamischen Übungen: Beinpendeln,
Ausfallschritte im Gehen, Kniehebelauf, Hopserlauf.

Statisches Dehnen allein vor dem Laufen senkte in Studien die Verletzungen nicht (Metaanalyse RR 0,96);
heb es dir für nach dem Lauf auf, wenn es dir guttut.""",
    ),
    "topic.warm_up": (
        "Aufwärmen und Dehnen",
        "Dynamisch aufwärmen vorher, sanft dehnen danach, wenn es dir guttut.",
        """Wärm dich mit 5–10 Minuten lockerem Laufen und dynamischen Übungen auf. Dehnen vor dem Laufen beugt
Verletzungen nicht vor; nach dem Laufen kann es sich gut anfühlen und die Beweglichkeit erhalten. Für
die Knieinnenseite achte besonders auf die Adduktoren und die hintere Oberschenkelmuskulatur.""",
    ),
    "topic.cross_training": (
        "Alternativtraining",
        "Andere Sportarten bauen Fitness auf, ohne die Stoßbelastung des Laufens.",
        """Radfahren, Schwimmen, Rudern und Crosstrainer bauen deine Ausdauer mit weniger Stoßbelastung auf. Sie
sind der beste Weg, Umfang hinzuzufügen, ohne das Verletzungsrisiko zu erhöhen, und fit zu bleiben,
während eine Verletzung heilt.""",
    ),
    "topic.rest": (
        "Ruhe und Erholung",
        "Plane Ruhetage und leichtere Wochen ein.",
        """Nimm dir mindestens einen Ruhetag pro Woche und mach jede dritte oder vierte Woche um etwa ein Drittel
leichter. Schlaf 7–9 Stunden. Anhaltende Müdigkeit, ein steigender Ruhepuls oder gedrückte Stimmung sind
Zeichen, kürzerzutreten.""",
    ),
    "topic.footwear": (
        "Schuhe auswählen und ersetzen",
        "Wähle einen Schuh, der sich bequem anfühlt; ersetze ihn, wenn er abgelaufen ist.",
        """Bequemlichkeit ist der beste Ratgeber bei der Wahl eines Laufschuhs. Stabilitäts- oder
Bewegungskontrollschuhe können einigen Läuferinnen und Läufern mit ausgeprägter Überpronation helfen,
aber die Evidenz ist uneinheitlich: Pronation allein ging in einer großen Kohorte nicht mit mehr
Verletzungen einher. Ersetze Schuhe bei 480–800 km und wechsle, wenn möglich, zwei Paare ab.""",
    ),
    "topic.strength": (
        "Krafttraining für Läuferinnen und Läufer",
        "Zwei kurze Einheiten pro Woche: Kniebeugen, Ausfallschritte, Wadenheben, Hüftübungen.",
        """Kräftige Hüften, Oberschenkel und Waden nehmen Belastung auf, die sonst beim Knie ankäme. Zwei Einheiten
pro Woche mit Kniebeugen, Ausfallschritten, Wadenheben und Übungen für die Hüftabduktoren genügen. Einen
Plan findest du bei der Warnung zum Krafttraining.""",
    ),
    "topic.running_form": (
        "Lauftechnik",
        "Nur kleine Änderungen: Eine etwas höhere Schrittfrequenz verringert die Belastung des Knies.",
        """Große Änderungen am Laufstil bringen ihr eigenes Verletzungsrisiko mit. Eine kleine Änderung mit
vernünftiger Evidenz ist, die Schrittfrequenz um 5–10 % zu erhöhen; das verringert die Belastung an Knie
und Hüfte. Vermeide zu lange Schritte (Overstriding): Setz den Fuß näher unter dem Körper auf. Ändere
schrittweise, über Wochen.""",
    ),
    "topic.nutrition": (
        "Ernährung und Knochengesundheit",
        "Iss genug für dein Training; eine zu geringe Energieverfügbarkeit schwächt die Knochen.",
        """Wer für sein Training zu wenig isst (geringe Energieverfügbarkeit), schwächt seine Knochen und erhöht
das Risiko von Ermüdungsbrüchen. Iss regelmäßig mit ausreichend Kohlenhydraten und Eiweiß, achte auf
Kalzium und Vitamin D, und geh zur Ärztin oder zum Arzt, wenn die Periode ausbleibt oder du ungewollt
weiter abnimmst.""",
    ),
    "topic.rest_ice": (
        "Schonung und Kühlung",
        "Relative Schonung und Kühlen in den ersten Tagen eines neuen Schmerzes.",
        """Bei einem neuen Überlastungsschmerz: Reduziere das Laufen auf das, was nicht wehtut (relative
Schonung), trainiere stattdessen alternativ und leg nach der Belastung 15–20 Minuten in ein Tuch
gewickeltes Eis auf, um den Schmerz zu lindern. Steig allmählich wieder ein, sobald der Alltag
schmerzfrei ist.""",
    ),
    "topic.brace": (
        "Bandagen und Tapes",
        "Eine Bandage oder ein Tape kann Beschwerden kurzfristig lindern; die Ursache behebt es nicht.",
        """Eine Kniebandage, Orthese oder ein Tape kann Schmerzen verringern und Sicherheit geben, während du wieder
aufbaust, besonders bei Schmerzen an der Kniescheibe. Nutze sie zusätzlich zu Krafttraining und
Belastungssteuerung, nicht stattdessen.""",
    ),
    "topic.physiotherapy": (
        "Physiotherapie",
        "Eine Physiotherapeutin oder ein Physiotherapeut findet die Ursache und gibt dir einen Plan, mit dem du weiterlaufen kannst.",
        """In der Physiotherapie werden Kraft, Bewegung und Belastung untersucht und ein Übungsplan erstellt —
meist Kräftigung von Hüfte und Knie —, der die meisten Knieschmerzen beim Laufen behandelt. Geh hin,
wenn die Schmerzen länger als zwei oder drei Wochen anhalten oder das Schmerz-Monitoring-Modell immer
wieder auf Rot landet.""",
    ),
    "topic.clinician": (
        "Wann du zur Ärztin oder zum Arzt solltest",
        "Starke Schmerzen, Schwellung, Wärme, Blockieren oder nicht belasten können: Lass es ärztlich abklären.",
        """Geh zügig zur Ärztin, zum Arzt oder in die Physiotherapie, wenn du nicht belasten kannst, das Knie
blockiert oder wegknickt, eine Schwellung, Wärme oder Rötung besteht, die Schmerzen stark sind oder dich
nachts wecken, oder es nach zwei Wochen mit weniger Belastung nicht besser wird. Bei Fieber mit einem
heißen, geschwollenen Gelenk such umgehend eine Notaufnahme auf.""",
    ),
    "form.cadence": (
        "Schrittfrequenz und Knieschmerzen",
        "Eine Schrittfrequenz 5–10 % über deiner eigenen senkt in Laborstudien die Belastung des Knies; steigere sie über Wochen.",
        """Deine Schrittfrequenz (Kadenz) ist die Zahl deiner Schritte pro Minute, beide Füße gezählt. Bei gleichem
Tempo bedeuten mehr und kürzere Schritte, dass dein Fuß näher unter dem Körper aufsetzt und dein Knie
etwas mehr gebeugt ist; jede Landung ist weicher. In Laborstudien senkte eine Schrittfrequenz 5 % über
der eigenen die Energie, die das Knie aufnimmt; 10 % darüber senkten die Belastung an Hüfte und Knie und
verringerten die Spitzenkraft hinter der Kniescheibe um etwa 14 %.

Das ist Biomechanik, keine Verletzungsstatistik: Noch keine Studie hat gezeigt, dass eine höhere
Schrittfrequenz Knieverletzungen verhindert. Es ist eine kleine, risikoarme Änderung, die einen Versuch
wert ist, solange dein Knie wehtut, kein Heilmittel — und an 180 Schritten pro Minute ist nichts
Besonderes: Der richtige Bereich ist *deine eigene* Schrittfrequenz plus 5 bis 10 %.

**So änderst du sie**

- Peile den Bereich aus der Warnung an (bei 160 Schritten/min: 168–176), nicht eine Zahl, die du
  anderswo gelesen hast.
- Nutze auf lockeren Läufen eine Metronom-App oder den Kadenzalarm deiner Uhr, anfangs für jeweils ein
  paar Minuten.
- Halte dein Tempo gleich: Die Schritte werden kürzer, nicht schneller.
- Gib dir vier bis sechs Wochen; wenn es sich ungewohnt anfühlt, bleib länger bei +5 %.
- Kombiniere es mit dem Krafttraining und den Belastungsänderungen, die die anderen Warnungen
  vorschlagen.""",
    ),
    "plan.return_to_run": (
        "Ein Plan für den Wiedereinstieg",
        "Acht Geh-Lauf-Stufen zurück zu 40 Minuten Laufen, jede nur gestiegen, solange die Schmerzen gering bleiben.",
        """Nach einer schmerzhaften Phase ist „reduzieren“ nur die halbe Antwort. Der Wiedereinstiegsplan ist die
andere Hälfte: eine Stufenleiter von kurzen Lauf-Geh-Einheiten bis zu 40 Minuten durchgehendem Laufen,
etwa 30 Minuten pro Einheit bei lockerer Anstrengung (RPE 3–5) auf flachem, ebenem Untergrund.

| Phase | Einheit |
|---|---|
| 1 | 6 × (1 min laufen, 4 min gehen) |
| 2 | 6 × (2 min laufen, 3 min gehen) |
| 3 | 6 × (3 min laufen, 2 min gehen) |
| 4 | 6 × (4 min laufen, 1 min gehen) |
| 5 | 3 × (9 min laufen, 1 min gehen) |
| 6 | 2 × (14 min laufen, 1 min gehen) |
| 7 | 30 min am Stück |
| 8 | 40 min am Stück |

**Wie jede Einheit zählt** — trag die Schmerzen während und nach dem Lauf und am nächsten Morgen ein:

- *Grün* (Schmerzen 0–2 und am nächsten Morgen nicht schlimmer als vor Beginn des Plans): Zwei grüne
  Einheiten in einer Phase bringen dich eine Phase weiter.
- *Gelb* (Schmerzen 3–5, bis zum nächsten Morgen abgeklungen): Wiederhole die Phase.
- *Rot* (Schmerzen über 5 oder am nächsten Morgen schlimmer): Geh eine Phase zurück.
- Schwellung, Wärme, Blockieren oder Wegknicken, nicht belasten können oder Schmerzen von 8 oder mehr:
  Der Plan pausiert. Lass es ärztlich oder physiotherapeutisch abklären oder warte, bis 30 Minuten
  zügiges Gehen schmerzfrei sind, und setz dann fort.

Halte bis Phase 7 einen freien Tag zwischen den Einheiten ein. Runlog ermittelt deine Phase aus den
Läufen, die du als Planeinheiten markierst, und ihren Schmerzberichten; es geht also nichts verloren,
wenn du eine Einheit später einträgst oder von deiner Uhr importierst.

Die Steuerung folgt dem Schmerz-Monitoring-Modell; Geh-Lauf-Stufen bei lockerer Anstrengung, jede Stufe
mindestens zweimal wiederholt und nicht mit Schmerzen oder Schwellung gestiegen, sind die übliche Form
von Wiedereinstiegsprotokollen. Sie auf Knieschmerzen anzuwenden, ist Konsens aus der Praxis, kein
Studienergebnis.""",
    ),
    "topic.step_rate": (
        "Lauftechnik und Schrittfrequenz",
        "Wenig ändern, und langsam: Eine Schrittfrequenz 5–10 % über deiner eigenen ist die am besten belegte Anpassung.",
        """Die meisten Versuche, einen Laufstil umzubauen, bringen neue Beschwerden, bevor sie alte beseitigen. Die
am besten belegte Änderung ist bescheiden: etwas kürzere, schnellere Schritte — 5 bis 10 % mehr Schritte
pro Minute als jetzt, bei gleichem Tempo. Im Labor verringert das die Belastung an Knie und Hüfte und
reduziert zu lange Schritte (Overstriding: Landen mit dem Fuß weit vor dem Körper).

Runlog zeigt deine Schrittfrequenz aus Uhrdateien (oder was du eingibst) und, wenn dein Knie wehtut,
den Bereich, den du anpeilen kannst. Steigere sie über Wochen mit einem Metronom oder dem Kadenzalarm
deiner Uhr. Vergiss die 180: Das war eine Beobachtung an Spitzenläuferinnen und -läufern, kein Ziel für
alle.

Die Evidenz ist biomechanisch: Die Schrittfrequenz verändert, wie die Gelenke belastet werden; ob sie
Verletzungen verhindert, wurde aber noch in keiner Studie geprüft.""",
    ),
    "topic.return_to_run": (
        "Wiedereinstieg nach Schmerzen",
        "Komm über eine Geh-Lauf-Stufenleiter zurück und lass die Schmerzen während, danach und am nächsten Morgen das Tempo bestimmen.",
        """Wenn sich ein Überlastungsschmerz so weit beruhigt hat, dass du 30 Minuten zügig ohne ihn gehen kannst,
ist ein schrittweiser Wiedereinstieg besser, als zu warten, bis er ganz verschwunden ist — und besser,
als einfach dort weiterzumachen, wo du aufgehört hast.

1. Beginne mit kurzen Lauf-Geh-Einheiten bei lockerer Anstrengung, auf flachem Untergrund, jeden zweiten
   Tag.
2. Bewerte die Schmerzen während und nach jeder Einheit und am nächsten Morgen (0–10).
3. Geh erst weiter nach zwei Einheiten mit Schmerzen von 2 oder weniger und einem Morgen, der nicht
   schlimmer ist als vorher.
4. Schmerzen von 3–5, die über Nacht abklingen: Wiederhole die Stufe. Mehr als das oder am nächsten
   Morgen schlimmer: Geh eine Stufe zurück.
5. Schwellung, Wärme, Blockieren oder ein Knie, das wegknickt: Hör auf und lass es ärztlich abklären.

Der Wiedereinstiegsplan von Runlog übernimmt diese Buchführung für dich anhand der Läufe, die du als
Planeinheiten markierst. Bleib beim Wiederaufbau am Krafttraining dran: Es ist das, was die meisten
Knieschmerzen beim Laufen behandelt.""",
    ),
}
