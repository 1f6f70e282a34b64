"""The seeded advice in Dutch (je): title, summary and body per advice key, for 0009_advice_translations."""

TEXTS = {
    "overtraining.session_spike": (
        "Een loop veel langer dan je langste van de laatste tijd",
        "Lopers die meer dan 10 % verder liepen dan hun langste loop van de maand ervoor, raakten vaker geblesseerd.",
        """Eén loop die veel langer is dan alles wat je de afgelopen maand hebt gedaan, is het sterkste
waarschuwingssignaal dat we kennen voor hardloopblessures. In een studie met meer dan 5000 lopers ging
een loop die 10–30 % langer was dan de langste van de 30 dagen ervoor samen met ongeveer 1,6 keer zoveel
blessures; bij meer dan het dubbele van de afstand ongeveer 2,3 keer zoveel.

**Wat je kunt doen**

- Houd elke lange duurloop binnen 10 % boven je langste loop van de afgelopen 30 dagen.
- Bouw in weken naar een wedstrijdafstand toe, in kleine stappen, niet met één sprong.
- Maak na zo'n uitschieter de volgende twee of drie lopen kort en rustig, en let op pijn de volgende
  ochtend.
- Het weektotaal telt minder dan de langste training: ook een normale week kan één riskante loop bevatten.""",
    ),
    "overtraining.returning": (
        "Terugkomen na een pauze",
        "Bouw na weken zonder lopen geleidelijk op: korte, rustige lopen om de dag.",
        """Pezen, botten en kraakbeen verliezen tijdens een pauze een deel van hun belastbaarheid, ook als je
conditie nog goed voelt. De meeste blessures bij een comeback komen doordat je verdergaat waar je was
gebleven.

**Een eenvoudig opbouwschema**

1. Week 1: drie lopen van 15–20 minuten, rustig, om de dag. Wandelpauzes mogen.
2. Week 2: vier lopen, waarvan één tot 30 minuten.
3. Voeg daarna ongeveer 10 % per week toe, met elke drie of vier weken een lichtere week.

Is de pijn de volgende ochtend hoger dan 2/10, blijf dan een paar dagen langer op de huidige stap.""",
    ),
    "overtraining.acwr": (
        "Verhouding acute:chronische belasting",
        "Vergelijkt de belasting van de afgelopen week met je gemiddelde over 4 weken. Zie het als een trend, niet als een oordeel.",
        """De acute:chronische belastingsverhouding (acute:chronic workload ratio) vergelijkt wat je recent hebt
gedaan (een exponentieel gewogen gemiddelde over 7 dagen van inspanning × minuten) met wat je gewend
bent (een over 28 dagen). Een verhouding ruim boven 1,5 wijst op een plotselinge stijging van de
belasting; ruim onder 0,8 doe je veel minder dan gewoonlijk.

Het idee is populair maar omstreden: de statistiek erachter is bekritiseerd, en in een groot cohort
lopers voorspelde het geen blessures. We tonen het als trendlijn om je te helpen plotselinge
veranderingen te zien, nooit als oordeel op zich. De waarschuwing voor één te lange loop is het
sterkere signaal.""",
    ),
    "overtraining.weekly_increase": (
        "Je weekafstand stijgt snel",
        "Grote sprongen in weekafstand gingen in één cohort samen met meer blessures; de 10%-regel zelf is niet bewezen.",
        """In een cohortstudie hadden lopers die hun weekafstand in twee weken met meer dan 30 % verhoogden meer
blessures dan lopers die minder dan 10 % verhoogden (het verschil was statistisch niet zeker). Een
gerandomiseerde studie naar de klassieke '10%-regel' vond dat die op zichzelf geen blessures voorkwam.

**Verstandig aanpakken**

- Verhoog geleidelijk, en maak elke derde of vierde week lichter.
- Kijk ook naar je langste losse loop: die telt zwaarder dan het weektotaal.""",
    ),
    "overtraining.monotony": (
        "Elke dag hetzelfde: monotonie en strain",
        "Wissel je dagen af: zwaar, rustig en rust. Een monotonie boven 2,0 betekent weinig variatie.",
        """Monotonie is je gemiddelde dagelijkse belasting gedeeld door hoeveel die over de week varieert. Als
elke dag een vergelijkbare belasting heeft — zonder echte rustdag —, stijgt de monotonie boven 2,0.
Strain is de weekbelasting vermenigvuldigd met de monotonie. Beide zijn door Foster geïntroduceerd om
ziekte en overtraining bij sporters te verklaren.

**Wat je kunt doen**: maak rustige dagen echt rustig, houd zware dagen zwaar, en neem minstens één
volledige rustdag per week.""",
    ),
    "rest.missing": (
        "Rustdagen",
        "Weefsels passen zich aan op de rustdagen: neem minstens één rustdag per week, twee als er iets pijn doet.",
        """Training is de prikkel; de aanpassing gebeurt tijdens het herstel. Elke dag lopen zonder pauze geeft
pezen en botten geen tijd om zich te herstellen, en is een klassieke weg naar overbelastingsblessures en
overtraining.

- Plan minstens één dag per week zonder hardlopen. Crosstraining telt als rustdag van het lopen.
- Doet er iets pijn, of was de week eentonig, neem er dan twee.
- Slaap hoort bij herstel: streef naar 7–9 uur.""",
    ),
    "footwear.worn": (
        "Versleten schoenen",
        "Schoenen verliezen demping met de kilometers: controleer ze vanaf ongeveer 60 % van hun vervangafstand.",
        """In machinetests verliezen hardloopschoenen een groot deel van hun schokdemping in een paar honderd
kilometer. Het gebruikelijke advies is ze elke 480–800 km (300–500 mijl) te vervangen, afhankelijk van je
gewicht, de ondergrond en de schoen. Het bewijs dat versleten schoenen blessures veroorzaken is beperkt;
zie de afstand dus als een herinnering om te kijken, niet als een oordeel.

**Controleer**: een ingedrukte of gekreukte tussenzool, een loopzool die tot op het schuim versleten is,
een hielkap die zijn vorm kwijt is, of nieuwe klachten na lopen met dat paar.""",
    ),
    "footwear.rotation": (
        "Twee paar afwisselen",
        "Lopers die meer dan één paar afwisselden, raakten in één cohort minder vaak geblesseerd.",
        """In een cohort van recreatieve lopers hadden wie meer dan één paar schoenen naast elkaar gebruikten een
lager blessurerisico (hazard ratio ongeveer 0,6). Paren afwisselen varieert de belasting van je benen
een beetje van loop tot loop, en geeft het schuim van elk paar tijd om te herstellen.""",
    ),
    "footwear.untagged": (
        "Koppel een schoen aan je lopen",
        "Zonder schoen bij elke loop worden de kilometers van je schoenen te laag geteld.",
        """De waarschuwingen over slijtage moeten weten op welk paar je liep. Kies een standaardschoen in je
instellingen zodat nieuwe lopen automatisch gekoppeld worden, en koppel geïmporteerde lopen vanuit de
lijst met lopen.""",
    ),
    "pain.monitor": (
        "Het pijnmonitoringsmodel",
        "Pijn tot 2/10 is prima, 3–5 betekent gelijk houden, boven 5 of erger de volgende ochtend betekent minder doen.",
        """Met het pijnmonitoringsmodel kun je blijven trainen met wat pijn, zolang die zich goed gedraagt:

- **0–2 (groen)**: aanvaardbaar. Ga door.
- **3–5 (oranje)**: alleen aanvaardbaar als de pijn de volgende ochtend weer gezakt is. Verhoog je
  belasting niet.
- **Boven 5, of de volgende ochtend erger dan de ochtend ervoor, of ochtendpijn die week na week stijgt
  (rood)**: doe minder — korter, langzamer, vlakker, of vervang lopen door crosstraining — tot de pijn
  zich weer goed gedraagt.

Twee rode dagen in een week: ga naar een fysiotherapeut.

Het model is getest in een gerandomiseerde studie bij achillespeesklachten. Het toepassen op kniepijn is
een extrapolatie die fysiotherapeuten vaak maken; het is geen diagnose. Noteer altijd de score van de
volgende ochtend: dat is het meest veelzeggende getal.""",
    ),
    "pain.red_flag": (
        "Wanneer je medische hulp zoekt",
        "Zwelling, warmte of roodheid, een knie die op slot schiet of doorzakt, niet kunnen steunen of hevige pijn: laat je onderzoeken door een arts of fysiotherapeut.",
        """Bij sommige klachten moet een arts of fysiotherapeut kijken voordat je weer gaat lopen:

- je kunt niet op het been steunen;
- de knie schiet op slot, blijft haken of zakt door, of gaat niet meer helemaal gestrekt of gebogen;
- zichtbare zwelling, of het gewricht is warm of rood;
- hevige pijn (8/10 of meer), of pijn 's nachts of in rust.

Tot je gezien bent: stop met lopen, rust, leg een paar keer per dag 15–20 minuten ijs in een doek op de
plek en leg het been hoog. Heb je daarnaast koorts, of is het been heet en erg gezwollen, zoek dan direct
spoedeisende hulp (bel je huisarts of de huisartsenpost).""",
    ),
    "pain.persistent": (
        "Pijn die weken aanhoudt",
        "Pijn die drie weken lang terugkomt, verdient een goed onderzoek.",
        """Heeft dezelfde plek in elk van de afgelopen drie weken pijn gedaan met 3/10 of meer, dan is de
belasting die je erop zet groter dan waarvan hij herstelt. Een fysiotherapeut of sportarts kan de
oorzaak vinden — vaak kracht, belasting of techniek — en je een plan geven om te blijven lopen terwijl
het geneest.""",
    ),
    "prevention.strength": (
        "Krachttraining",
        "Krachttraining verminderde sportblessures in een meta-analyse van studies met ongeveer twee derde.",
        """Van alle preventiemaatregelen die in studies zijn getest, heeft krachttraining het sterkste bewijs: in
een meta-analyse bracht het sportblessures terug tot ongeveer een derde.

**Twee sessies van 20–30 minuten per week**

- Squats of split squats, 3 × 8–12
- Voorwaartse en zijwaartse lunges, 3 × 8 per been
- Kuitheffingen, met gestrekte en gebogen knie, 3 × 15
- Zijwaarts beenheffen in zijlig of zijwaartse stappen met een weerstandsband voor de heupen, 3 × 12
- Bruggetjes (glute bridges), 3 × 12

Bouw langzaam op; lichte spierpijn is normaal, gewrichtspijn niet.""",
    ),
    "prevention.cross_training": (
        "Crosstraining tijdens het herstel",
        "Fietsen, zwemmen of aquajoggen houden je conditie op peil terwijl je benen herstellen.",
        """Als een waarschuwing zegt dat je minder moet doen, hoef je geen conditie te verliezen. Aquajoggen in
diep water en fietsen hielden bij getrainde lopers het loopniveau wekenlang op peil, en lopers die een
uur per week extra andere sporten deden, hadden minder hardloopblessures.

Vervang een of twee lopen door een training van vergelijkbare duur en inspanning op de fiets, in het
zwembad of op een crosstrainer.""",
    ),
    "prevention.warm_up": (
        "Opwarmen",
        "Vijf tot tien minuten rustig inlopen en dynamische loopscholing voordat je gaat lopen.",
        """Een warming-up verhoogt de spiertemperatuur en bereidt pezen en gewrichten voor op belasting. Begin elke
loop met 5–10 minuten rustig inlopen en daarna wat dynamische oefeningen: beenzwaaien, wandelende
lunges, knieheffen, skippings.

Alleen statisch rekken vóór het lopen verminderde in studies geen blessures (meta-analyse RR 0,96);
bewaar het voor na de loop als je het prettig vindt.""",
    ),
    "topic.warm_up": (
        "Warming-up en rekken",
        "Dynamisch opwarmen vooraf, rustig rekken achteraf als je dat prettig vindt.",
        """Warm op met 5–10 minuten rustig lopen en dynamische oefeningen. Rekken vóór het lopen voorkomt geen
blessures; na het lopen kan het prettig voelen en je beweeglijkheid behouden. Let voor de binnenkant van
de knie vooral op de adductoren en de hamstrings.""",
    ),
    "topic.cross_training": (
        "Crosstraining",
        "Andere sporten bouwen conditie op zonder de impact van hardlopen.",
        """Fietsen, zwemmen, roeien en de crosstrainer bouwen je aerobe motor op met minder impact. Ze zijn de
beste manier om volume toe te voegen zonder extra blessurerisico, en om fit te blijven terwijl een
blessure geneest.""",
    ),
    "topic.rest": (
        "Rust en herstel",
        "Plan rustdagen en lichtere weken.",
        """Neem minstens één rustdag per week, en maak elke derde of vierde week ongeveer een derde lichter. Slaap
7–9 uur. Aanhoudende vermoeidheid, een stijgende rusthartslag of een sombere stemming zijn signalen om
gas terug te nemen.""",
    ),
    "topic.footwear": (
        "Schoenen kiezen en vervangen",
        "Kies een schoen die comfortabel voelt; vervang hem als hij versleten is.",
        """Comfort is de beste gids bij het kiezen van een hardloopschoen. Stabiliteits- of
bewegingscontroleschoenen kunnen sommige lopers met duidelijke overpronatie helpen, maar het bewijs is
wisselend: pronatie alleen ging in een groot cohort niet samen met meer blessures. Vervang schoenen bij
480–800 km en wissel twee paar af als je kunt.""",
    ),
    "topic.strength": (
        "Krachttraining voor lopers",
        "Twee korte sessies per week: squats, lunges, kuitheffingen, heupoefeningen.",
        """Sterke heupen, bovenbenen en kuiten vangen belasting op die anders bij de knie terechtkomt. Twee sessies
per week met squats, lunges, kuitheffingen en oefeningen voor de heupabductoren zijn genoeg. Bij de
waarschuwing over krachttraining vind je een schema.""",
    ),
    "topic.running_form": (
        "Looptechniek",
        "Alleen kleine veranderingen: een iets hogere cadans verlaagt de belasting van de knie.",
        """Grote veranderingen in hoe je loopt brengen hun eigen blessurerisico mee. Eén kleine verandering met
redelijke onderbouwing is je cadans met 5–10 % verhogen; dat verlaagt de belasting van knie en heup.
Vermijd overstriding: zet je voet dichter onder je lichaam neer. Verander geleidelijk, over weken.""",
    ),
    "topic.nutrition": (
        "Voeding en botgezondheid",
        "Eet genoeg voor je training; een lage energiebeschikbaarheid maakt botten zwakker.",
        """Te weinig eten voor de training die je doet (lage energiebeschikbaarheid) maakt botten zwakker en
vergroot het risico op stressfracturen. Eet regelmatig met genoeg koolhydraten en eiwitten, zorg voor
calcium en vitamine D, en ga naar een arts als je menstruatie wegblijft of je ongewild blijft afvallen.""",
    ),
    "topic.rest_ice": (
        "Rust en ijs",
        "Relatieve rust en ijs in de eerste dagen van een nieuwe pijn.",
        """Bij een nieuwe overbelastingspijn: beperk het lopen tot wat geen pijn doet (relatieve rust), doe in
plaats daarvan aan crosstraining, en leg na inspanning 15–20 minuten ijs in een doek op de plek om de
pijn te verlichten. Bouw geleidelijk weer op zodra dagelijkse activiteiten pijnvrij zijn.""",
    ),
    "topic.brace": (
        "Brace en tape",
        "Een brace of tape kan klachten op korte termijn verlichten; het lost de oorzaak niet op.",
        """Een kniebandage, brace of tape kan pijn verminderen en vertrouwen geven terwijl je weer opbouwt, vooral
bij pijn rond de knieschijf. Gebruik het naast krachttraining en het doseren van belasting, niet in
plaats daarvan.""",
    ),
    "topic.physiotherapy": (
        "Fysiotherapie",
        "Een fysiotherapeut vindt de oorzaak en geeft je een plan om te blijven lopen.",
        """Een fysiotherapeut onderzoekt kracht, beweging en belasting, en stelt een oefenprogramma op — meestal
versterking van heup en knie — dat de meeste kniepijn bij hardlopers behandelt. Ga naar een
fysiotherapeut als de pijn langer dan twee of drie weken aanhoudt, of als het pijnmonitoringsmodel
steeds weer op rood uitkomt.""",
    ),
    "topic.clinician": (
        "Wanneer je naar een arts gaat",
        "Hevige pijn, zwelling, warmte, op slot schieten of niet kunnen steunen: laat je onderzoeken door een arts of fysiotherapeut.",
        """Ga snel naar een arts of fysiotherapeut als je niet kunt steunen, de knie op slot schiet of doorzakt,
er zwelling, warmte of roodheid is, de pijn hevig is of je 's nachts wakker maakt, of het na twee weken
minder belasting niet beter gaat. Zoek direct spoedeisende hulp bij koorts met een heet, gezwollen
gewricht.""",
    ),
    "form.cadence": (
        "Cadans en kniepijn",
        "Een cadans 5–10 % boven je eigen verlaagt in laboratoriumstudies de belasting van de knie; bouw hem in weken op.",
        """Je cadans (pasfrequentie) is het aantal stappen dat je per minuut zet, beide voeten geteld. Bij dezelfde
snelheid betekenen meer en kortere stappen dat je voet dichter onder je lichaam landt en je knie iets
meer gebogen is; elke landing is zachter. In laboratoriumstudies verlaagde lopen met een cadans 5 % boven
de eigen de energie die de knie opvangt; 10 % erboven verlaagde de belasting van heup en knie, en
verminderde de piekkracht achter de knieschijf met ongeveer 14 %.

Dat is biomechanica, geen blessurecijfers: nog geen enkele studie heeft aangetoond dat een hogere cadans
knieblessures voorkomt. Het is een kleine verandering met weinig risico die het proberen waard is zolang
je knie pijn doet, geen geneesmiddel — en 180 stappen per minuut is niets bijzonders: het juiste bereik
is *je eigen* cadans plus 5 tot 10 %.

**Zo verander je hem**

- Mik op het bereik uit de waarschuwing (bij 160 stappen/min: 168–176), niet op een getal dat je ergens
  anders hebt gelezen.
- Gebruik op rustige lopen een metronoom-app of de cadanswaarschuwing van je horloge, in het begin een
  paar minuten tegelijk.
- Houd je snelheid gelijk: de stappen worden korter, niet sneller.
- Geef het vier tot zes weken; voelt het onwennig, blijf dan langer op +5 %.
- Combineer het met de krachttraining en de aanpassingen in belasting die de andere waarschuwingen
  voorstellen.""",
    ),
    "plan.return_to_run": (
        "Een opbouwschema na een blessure",
        "Acht wandel-hardloopstappen terug naar 40 minuten hardlopen, elke stap alleen gezet zolang de pijn laag blijft.",
        """Na een pijnlijke periode is 'doe minder' maar het halve antwoord. Het opbouwschema is de andere helft:
een ladder van korte loop-wandeltrainingen naar 40 minuten aaneengesloten hardlopen, ongeveer 30 minuten
per training op een rustige inspanning (RPE 3–5) op vlakke, egale ondergrond.

| fase | training |
|---|---|
| 1 | 6 × (1 min hardlopen, 4 min wandelen) |
| 2 | 6 × (2 min hardlopen, 3 min wandelen) |
| 3 | 6 × (3 min hardlopen, 2 min wandelen) |
| 4 | 6 × (4 min hardlopen, 1 min wandelen) |
| 5 | 3 × (9 min hardlopen, 1 min wandelen) |
| 6 | 2 × (14 min hardlopen, 1 min wandelen) |
| 7 | 30 min aan één stuk |
| 8 | 40 min aan één stuk |

**Hoe elke training telt** — noteer de pijn tijdens en na het lopen, en de volgende ochtend:

- *Groen* (pijn 0–2, en de volgende ochtend niet erger dan vóór de start van het schema): twee groene
  trainingen in een fase brengen je een fase verder.
- *Oranje* (pijn 3–5, de volgende ochtend weer gezakt): herhaal de fase.
- *Rood* (pijn boven 5, of de volgende ochtend erger): ga een fase terug.
- Zwelling, warmte, op slot schieten of doorzakken, niet kunnen steunen, of pijn van 8 of meer: het
  schema pauzeert. Laat een arts of fysiotherapeut kijken, of wacht tot 30 minuten stevig wandelen
  pijnvrij gaat, en hervat dan.

Houd tot fase 7 een rustdag tussen de trainingen. Runlog bepaalt je fase uit de lopen die je als
schematraining markeert en hun pijnmeldingen, dus er gaat niets verloren als je een training later
noteert of vanaf je horloge importeert.

De stappen volgen het pijnmonitoringsmodel; wandel-hardloopladders op rustige inspanning, met elke stap
minstens twee keer herhaald en nooit gezet met pijn of zwelling, zijn de gangbare vorm van
opbouwprotocollen. Ze toepassen op kniepijn is consensus uit de praktijk, geen studieresultaat.""",
    ),
    "topic.step_rate": (
        "Looptechniek en cadans",
        "Verander weinig, en langzaam: een cadans 5–10 % boven je eigen is de best onderbouwde aanpassing.",
        """De meeste pogingen om een loopstijl om te bouwen, leveren nieuwe klachten op voordat ze oude wegnemen.
De best onderbouwde verandering is bescheiden: iets kortere, snellere passen — 5 tot 10 % meer stappen
per minuut dan nu, bij dezelfde snelheid. In het laboratorium verlaagt dat de belasting van knie en heup
en vermindert het overstriding (landen met de voet ver voor het lichaam).

Runlog toont je cadans uit horlogebestanden (of wat je zelf invult) en, als je knie pijn doet, het
bereik om op te mikken. Bouw hem in weken op met een metronoom of de cadanswaarschuwing van je horloge.
Vergeet 180: dat was een waarneming bij topatleten, geen doel voor iedereen.

Het bewijs is biomechanisch: cadans verandert hoe gewrichten belast worden, maar of het blessures
voorkomt, is nog in geen enkele studie getest.""",
    ),
    "topic.return_to_run": (
        "Terugkomen na pijn",
        "Kom terug via een wandel-hardloopladder en laat de pijn tijdens, erna en de volgende ochtend het tempo bepalen.",
        """Als een overbelastingspijn zo ver gezakt is dat je 30 minuten stevig kunt wandelen zonder pijn, is een
geleidelijke terugkeer beter dan wachten tot de pijn helemaal weg is — en beter dan verdergaan waar je
was gebleven.

1. Begin met korte loop-wandeltrainingen op rustige inspanning, op vlakke ondergrond, om de dag.
2. Geef de pijn tijdens en na elke training een score, en de volgende ochtend ook (0–10).
3. Ga pas verder na twee trainingen met pijn van 2 of lager en een ochtend die niet erger is dan
   daarvoor.
4. Pijn van 3–5 die 's nachts wegzakt: herhaal de stap. Meer dan dat, of de volgende ochtend erger: ga
   een stap terug.
5. Zwelling, warmte, op slot schieten of een knie die doorzakt: stop en laat een arts of fysiotherapeut
   kijken.

Het opbouwschema van Runlog houdt dit voor je bij op basis van de lopen die je als schematraining
markeert. Blijf tijdens het opbouwen krachttraining doen: dat is wat de meeste kniepijn bij hardlopers
behandelt.""",
    ),
}
