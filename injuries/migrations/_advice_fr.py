"""The seeded advice in French (vous): title, summary and body per advice key, for 0009_advice_translations.

French punctuation: a no-break space before « : ; ? ! » is added when the rows are written."""

TEXTS = {
    "overtraining.session_spike": (
        "Une sortie bien plus longue que votre plus longue récente",
        "Les coureurs qui couraient plus de 10 % plus loin que leur plus longue sortie du mois précédent se blessaient plus souvent.",
        """Une seule sortie nettement plus longue que tout ce que vous avez fait le mois dernier est le signal
d'alerte le plus fort que l'on connaisse pour les blessures de course. Dans une étude portant sur plus de
5 000 coureurs, une sortie 10 à 30 % plus longue que la plus longue des 30 jours précédents
s'accompagnait d'un taux de blessure environ 1,6 fois plus élevé ; au-delà du double de la distance,
environ 2,3 fois.

**Que faire**

- Gardez chaque sortie longue à moins de 10 % au-delà de votre plus longue sortie des 30 derniers jours.
- Préparez une distance de course sur plusieurs semaines, par petites étapes, plutôt que d'un seul bond.
- Après un tel pic, faites des deux ou trois sorties suivantes des sorties courtes et faciles, et
  surveillez la douleur le lendemain matin.
- Le total hebdomadaire compte moins que la plus longue séance : une semaine normale peut cacher une
  sortie à risque.""",
    ),
    "overtraining.returning": (
        "Reprendre après une pause",
        "Après des semaines d'arrêt, reprenez progressivement : des sorties courtes et faciles un jour sur deux.",
        """Les tendons, les os et le cartilage perdent une partie de leur tolérance à la charge pendant une pause,
même si votre forme vous semble intacte. La plupart des blessures de reprise viennent du fait de
reprendre là où l'on s'était arrêté.

**Un plan de reprise simple**

1. Semaine 1 : trois sorties de 15 à 20 minutes, faciles, un jour sur deux. Les pauses marchées sont
   permises.
2. Semaine 2 : quatre sorties, dont une jusqu'à 30 minutes.
3. Ensuite, ajoutez environ 10 % par semaine, avec une semaine plus légère toutes les trois ou quatre
   semaines.

Si la douleur dépasse 2/10 le lendemain matin, restez quelques jours de plus à l'étape actuelle.""",
    ),
    "overtraining.acwr": (
        "Rapport de charge aiguë:chronique",
        "Compare la charge de la dernière semaine à votre moyenne sur 4 semaines. Voyez-y une tendance, pas un verdict.",
        """Le rapport de charge aiguë:chronique (acute:chronic workload ratio) compare ce que vous avez fait
récemment (une moyenne sur 7 jours, pondérée exponentiellement, de l'effort × minutes) à ce dont vous
avez l'habitude (une moyenne sur 28 jours). Un rapport nettement au-dessus de 1,5 signale une hausse
brutale de la charge ; nettement en dessous de 0,8, vous en faites beaucoup moins que d'habitude.

L'idée est populaire mais discutée : ses fondements statistiques ont été critiqués, et dans une grande
cohorte de coureurs elle ne prédisait pas les blessures. Nous l'affichons comme une courbe de tendance
pour vous aider à repérer les changements brusques, jamais comme un verdict à elle seule. L'alerte sur
une sortie trop longue est le signal le plus fiable.""",
    ),
    "overtraining.weekly_increase": (
        "Un kilométrage hebdomadaire qui augmente vite",
        "De fortes hausses du kilométrage d'une semaine à l'autre ont été associées à davantage de blessures dans une cohorte ; la règle des 10 % elle-même n'est pas démontrée.",
        """Dans une étude de cohorte, les coureurs qui augmentaient leur kilométrage hebdomadaire de plus de 30 %
sur deux semaines se blessaient davantage que ceux qui l'augmentaient de moins de 10 % (la différence
n'était pas statistiquement certaine). Un essai randomisé sur la classique « règle des 10 % » a montré
qu'elle ne prévenait pas les blessures à elle seule.

**Une pratique raisonnable**

- Augmentez progressivement, et prévoyez une semaine plus facile toutes les trois ou quatre semaines.
- Regardez aussi votre plus longue sortie : elle compte davantage que le total de la semaine.""",
    ),
    "overtraining.monotony": (
        "Tous les jours pareils : monotonie et contrainte",
        "Variez vos journées : dures, faciles et repos. Une monotonie au-dessus de 2,0 signifie peu de variation.",
        """La monotonie est votre charge quotidienne moyenne divisée par sa variation au cours de la semaine.
Quand chaque jour porte une charge semblable — sans vrai jour de repos —, la monotonie dépasse 2,0. La
contrainte multiplie la charge de la semaine par la monotonie. Ces deux indicateurs ont été proposés par
Foster pour expliquer les maladies et le surentraînement chez les sportifs.

**Que faire** : rendez les jours faciles vraiment faciles, gardez les jours durs durs, et prenez au moins
un jour de repos complet par semaine.""",
    ),
    "rest.missing": (
        "Jours de repos",
        "Les tissus s'adaptent pendant les jours sans course : prenez au moins un jour de repos par semaine, deux si quelque chose fait mal.",
        """L'entraînement est le stimulus ; l'adaptation se fait pendant la récupération. Courir tous les jours
sans pause ne laisse pas aux tendons et aux os le temps de se remodeler, et mène classiquement aux
blessures de surmenage et au surentraînement.

- Prévoyez au moins un jour par semaine sans course. L'entraînement croisé compte comme un jour de repos
  de course.
- Si quelque chose fait mal, ou si la semaine a été monotone, prenez-en deux.
- Le sommeil fait partie de la récupération : visez 7 à 9 heures.""",
    ),
    "footwear.worn": (
        "Chaussures usées",
        "Les chaussures perdent de l'amorti avec les kilomètres : examinez-les à partir d'environ 60 % de leur distance de remplacement.",
        """En tests mécaniques, les chaussures de course perdent une grande partie de leur absorption des chocs
en quelques centaines de kilomètres. Le conseil habituel est de les remplacer tous les 480 à 800 km
(300 à 500 miles), selon votre poids, le terrain et la chaussure. Les preuves que des chaussures usées
causent des blessures sont limitées : voyez donc la distance comme un rappel d'aller vérifier, pas comme
un verdict.

**À vérifier** : une semelle intermédiaire tassée ou plissée, une semelle extérieure usée jusqu'à la
mousse, un contrefort de talon déformé, ou de nouvelles douleurs après les sorties avec cette paire.""",
    ),
    "footwear.rotation": (
        "Alterner deux paires",
        "Dans une cohorte, les coureurs qui alternaient plusieurs paires se blessaient moins.",
        """Dans une cohorte de coureurs loisir, ceux qui utilisaient plus d'une paire de chaussures en parallèle
avaient un risque de blessure plus faible (hazard ratio d'environ 0,6). Alterner les paires fait un peu
varier la charge sur vos jambes d'une sortie à l'autre, et laisse à la mousse de chaque paire le temps
de récupérer.""",
    ),
    "footwear.untagged": (
        "Indiquez la chaussure de vos sorties",
        "Sans chaussure indiquée pour chaque sortie, le kilométrage des chaussures est sous-estimé.",
        """Les alertes d'usure ont besoin de savoir avec quelle paire vous avez couru. Choisissez une chaussure
par défaut dans vos réglages pour que les nouvelles sorties soient associées automatiquement, et
indiquez la chaussure des sorties importées depuis la liste des sorties.""",
    ),
    "pain.monitor": (
        "Le modèle de suivi de la douleur",
        "Une douleur jusqu'à 2/10 est acceptable, 3 à 5 signifie maintenir, au-delà de 5 ou pire le lendemain matin signifie réduire.",
        """Le modèle de suivi de la douleur vous permet de continuer à vous entraîner avec une certaine douleur,
tant qu'elle se comporte bien :

- **0–2 (vert)** : acceptable. Continuez.
- **3–5 (orange)** : acceptable seulement si elle s'est calmée le lendemain matin. N'augmentez pas votre
  charge.
- **Au-delà de 5, ou pire le lendemain matin que le matin précédent, ou une douleur matinale qui augmente
  d'une semaine à l'autre (rouge)** : réduisez — plus court, plus lent, plus plat, ou remplacez des
  sorties par de l'entraînement croisé — jusqu'à ce que la douleur se comporte de nouveau bien.

Deux jours rouges dans la semaine : consultez un kinésithérapeute.

Le modèle a été évalué dans un essai randomisé sur la douleur du tendon d'Achille. L'appliquer à la
douleur du genou est une extrapolation courante chez les kinésithérapeutes ; ce n'est pas un diagnostic.
Notez toujours la douleur du lendemain matin : c'est le chiffre le plus parlant.""",
    ),
    "pain.red_flag": (
        "Quand consulter un professionnel de santé",
        "Gonflement, chaleur ou rougeur, genou qui se bloque ou se dérobe, appui impossible ou douleur intense : consultez un professionnel de santé.",
        """Certains symptômes demandent l'avis d'un professionnel de santé avant de courir à nouveau :

- vous ne pouvez pas prendre appui sur la jambe ;
- le genou se bloque, accroche ou se dérobe, ou ne s'étend ou ne se plie plus complètement ;
- un gonflement visible, ou l'articulation est chaude ou rouge ;
- une douleur intense (8/10 ou plus), ou une douleur la nuit ou au repos.

En attendant la consultation : arrêtez de courir, reposez-vous, appliquez de la glace enveloppée dans un
linge 15 à 20 minutes plusieurs fois par jour, et surélevez la jambe. Si vous avez aussi de la fièvre,
ou si la jambe est chaude et très gonflée, consultez en urgence.""",
    ),
    "pain.persistent": (
        "Une douleur qui dure des semaines",
        "Une douleur qui revient pendant trois semaines mérite un vrai bilan.",
        """Si le même endroit a fait mal à 3/10 ou plus au cours de chacune des trois dernières semaines, la charge
que vous lui imposez dépasse ce dont il récupère. Un kinésithérapeute ou un médecin du sport peut en
trouver la cause — souvent la force, la charge ou la technique — et vous proposer un plan pour continuer
à courir pendant la guérison.""",
    ),
    "prevention.strength": (
        "Renforcement musculaire",
        "Dans une méta-analyse d'essais, le renforcement musculaire a réduit les blessures sportives d'environ deux tiers.",
        """De toutes les mesures de prévention testées dans des essais, le renforcement musculaire a les preuves
les plus solides : dans une méta-analyse, il a ramené les blessures sportives à environ un tiers.

**Deux séances de 20 à 30 minutes par semaine**

- Squats ou squats fendus, 3 × 8–12
- Fentes avant et latérales, 3 × 8 par jambe
- Montées sur pointes, jambe tendue et genou fléchi, 3 × 15
- Élévations latérales de la jambe en position couchée ou pas chassés avec élastique pour les hanches,
  3 × 12
- Ponts fessiers, 3 × 12

Progressez lentement ; de légères courbatures sont normales, une douleur articulaire ne l'est pas.""",
    ),
    "prevention.cross_training": (
        "L'entraînement croisé pendant la récupération",
        "Le vélo, la natation ou l'aquajogging entretiennent votre forme pendant que vos jambes récupèrent.",
        """Quand une alerte vous dit de réduire, vous n'êtes pas obligé de perdre votre forme. Chez des coureurs
entraînés, l'aquajogging en eau profonde et le vélo ont maintenu la performance en course pendant des
semaines, et les coureurs qui pratiquaient d'autres sports une heure de plus par semaine avaient moins
de blessures de course.

Remplacez une ou deux sorties par une séance de durée et d'effort semblables à vélo, à la piscine ou sur
un vélo elliptique.""",
    ),
    "prevention.warm_up": (
        "S'échauffer",
        "Cinq à dix minutes de footing léger et d'éducatifs dynamiques avant de courir.",
        """L'échauffement élève la température des muscles et prépare tendons et articulations à la charge.
Commencez chaque sortie par 5 à 10 minutes de footing facile, puis quelques éducatifs dynamiques :
balancés de jambe, fentes marchées, montées de genoux, skipping.

Les étirements statiques seuls avant la course n'ont pas réduit les blessures dans les essais
(méta-analyse RR 0,96) ; gardez-les pour après la sortie si vous les appréciez.""",
    ),
    "topic.warm_up": (
        "Échauffement et étirements",
        "Un échauffement dynamique avant, des étirements doux après si vous les appréciez.",
        """Échauffez-vous avec 5 à 10 minutes de course facile et des éducatifs dynamiques. S'étirer avant de
courir ne prévient pas les blessures ; après la course, cela peut faire du bien et entretenir
l'amplitude de mouvement. Pour l'intérieur du genou, soignez particulièrement les adducteurs et les
ischio-jambiers.""",
    ),
    "topic.cross_training": (
        "L'entraînement croisé",
        "D'autres sports développent la forme sans les impacts de la course.",
        """Le vélo, la natation, l'aviron et le vélo elliptique développent votre moteur aérobie avec moins
d'impacts. C'est la meilleure façon d'ajouter du volume sans ajouter de risque de blessure, et de rester
en forme pendant qu'une blessure guérit.""",
    ),
    "topic.rest": (
        "Repos et récupération",
        "Prévoyez des jours de repos et des semaines plus légères.",
        """Prenez au moins un jour de repos par semaine, et allégez d'environ un tiers une semaine sur trois ou
quatre. Dormez 7 à 9 heures. Une fatigue persistante, une fréquence cardiaque de repos qui augmente ou un
moral en baisse sont des signes qu'il faut lever le pied.""",
    ),
    "topic.footwear": (
        "Choisir et remplacer ses chaussures",
        "Choisissez une chaussure confortable ; remplacez-la quand elle est usée.",
        """Le confort est le meilleur guide pour choisir une chaussure de course. Les chaussures de stabilité ou de
contrôle du mouvement peuvent aider certains coureurs en nette surpronation, mais les preuves sont
partagées : dans une grande cohorte, la pronation seule n'était pas associée à davantage de blessures.
Remplacez vos chaussures entre 480 et 800 km et alternez deux paires si vous le pouvez.""",
    ),
    "topic.strength": (
        "Le renforcement musculaire pour les coureurs",
        "Deux courtes séances par semaine : squats, fentes, montées sur pointes, travail des hanches.",
        """Des hanches, des cuisses et des mollets forts absorbent une charge qui, sinon, arriverait au genou. Deux
séances par semaine de squats, de fentes, de montées sur pointes et de travail des abducteurs de hanche
suffisent. Vous trouverez un programme avec l'alerte sur le renforcement.""",
    ),
    "topic.running_form": (
        "La foulée",
        "Seulement de petits changements : une cadence un peu plus rapide réduit la charge sur le genou.",
        """Les grands changements de foulée comportent leur propre risque de blessure. Un petit changement
raisonnablement étayé consiste à augmenter votre cadence de 5 à 10 %, ce qui réduit la charge au genou et
à la hanche. Évitez les foulées trop longues : posez le pied plus près de l'aplomb du corps. Changez
progressivement, sur plusieurs semaines.""",
    ),
    "topic.nutrition": (
        "Alimentation et santé osseuse",
        "Mangez assez pour couvrir votre entraînement ; une faible disponibilité énergétique fragilise les os.",
        """Ne pas manger assez pour l'entraînement que vous faites (faible disponibilité énergétique) fragilise les
os et augmente le risque de fractures de fatigue. Prenez des repas réguliers avec assez de glucides et de
protéines, veillez au calcium et à la vitamine D, et consultez un médecin si vos règles s'arrêtent ou si
vous continuez à perdre du poids sans le vouloir.""",
    ),
    "topic.rest_ice": (
        "Repos et glace",
        "Repos relatif et glace pendant les premiers jours d'une nouvelle douleur.",
        """Pour une nouvelle douleur de surmenage : réduisez la course à ce qui ne fait pas mal (repos relatif),
pratiquez plutôt un entraînement croisé, et appliquez de la glace enveloppée dans un linge 15 à
20 minutes après l'effort pour soulager la douleur. Reprenez progressivement une fois les activités du
quotidien sans douleur.""",
    ),
    "topic.brace": (
        "Genouillères et strapping",
        "Une genouillère ou un strapping peut soulager à court terme ; cela ne corrige pas la cause.",
        """Un manchon de genou, une genouillère ou un strapping peut réduire la douleur et donner confiance
pendant la reprise, surtout pour les douleurs de la rotule. Utilisez-les en complément du renforcement
et de la gestion de la charge, pas à leur place.""",
    ),
    "topic.physiotherapy": (
        "La kinésithérapie",
        "Un kinésithérapeute trouve la cause et vous propose un plan pour continuer à courir.",
        """Un kinésithérapeute évalue la force, le mouvement et la charge, et construit un programme d'exercices —
le plus souvent un renforcement de la hanche et du genou — qui traite la plupart des douleurs de genou du
coureur. Consultez-en un si la douleur persiste plus de deux ou trois semaines, ou si le modèle de suivi
de la douleur retombe sans cesse dans le rouge.""",
    ),
    "topic.clinician": (
        "Quand consulter",
        "Douleur intense, gonflement, chaleur, blocage ou appui impossible : consultez un professionnel de santé.",
        """Consultez rapidement un médecin ou un kinésithérapeute si vous ne pouvez pas prendre appui, si le genou
se bloque ou se dérobe, s'il y a un gonflement, de la chaleur ou une rougeur, si la douleur est intense
ou vous réveille la nuit, ou si elle ne s'améliore pas après deux semaines de charge réduite. Consultez
en urgence en cas de fièvre avec une articulation chaude et gonflée.""",
    ),
    "form.cadence": (
        "Cadence et douleur au genou",
        "Une cadence 5 à 10 % au-dessus de la vôtre réduit la charge sur le genou dans les études en laboratoire ; augmentez-la sur plusieurs semaines.",
        """Votre cadence est le nombre de pas que vous faites par minute, les deux pieds comptés. À vitesse égale,
des pas plus nombreux et plus courts font atterrir le pied plus près de l'aplomb du corps, le genou un
peu plus fléchi, et chaque réception est plus douce. Dans les études en laboratoire, courir avec une
cadence 5 % au-dessus de la sienne a réduit l'énergie absorbée par le genou ; 10 % au-dessus a réduit la
charge à la hanche et au genou, et diminué d'environ 14 % la force maximale derrière la rotule.

C'est de la biomécanique, pas un résultat sur les blessures : aucun essai n'a encore montré
qu'augmenter la cadence prévient les blessures du genou. C'est un petit changement, peu risqué, qui vaut
la peine d'être essayé tant que votre genou fait mal, pas un remède — et 180 pas par minute n'a rien de
particulier : la bonne plage est *votre propre* cadence plus 5 à 10 %.

**Comment la modifier**

- Visez la plage indiquée dans l'alerte (pour 160 pas/min : 168–176), pas un chiffre lu ailleurs.
- Utilisez une application métronome ou l'alerte de cadence de votre montre pendant les sorties faciles,
  quelques minutes à la fois au début.
- Gardez la même vitesse : les pas raccourcissent, ils ne deviennent pas plus rapides.
- Donnez-vous quatre à six semaines ; si cela vous paraît peu naturel, restez plus longtemps à +5 %.
- Combinez-la avec le renforcement et les changements de charge que proposent les autres alertes.""",
    ),
    "plan.return_to_run": (
        "Un plan de reprise de la course",
        "Huit paliers marche-course pour revenir à 40 minutes de course, chacun franchi seulement tant que la douleur reste faible.",
        """Après une période douloureuse, « réduire » n'est que la moitié de la réponse. Le plan de reprise en est
l'autre moitié : une progression qui va de courtes séances course-marche jusqu'à 40 minutes de course
continue, environ 30 minutes par séance à allure facile (RPE 3–5) sur un terrain plat et régulier.

| phase | séance |
|---|---|
| 1 | 6 × (1 min de course, 4 min de marche) |
| 2 | 6 × (2 min de course, 3 min de marche) |
| 3 | 6 × (3 min de course, 2 min de marche) |
| 4 | 6 × (4 min de course, 1 min de marche) |
| 5 | 3 × (9 min de course, 1 min de marche) |
| 6 | 2 × (14 min de course, 1 min de marche) |
| 7 | 30 min en continu |
| 8 | 40 min en continu |

**Comment chaque séance compte** — notez la douleur pendant et après la sortie, et le lendemain matin :

- *Vert* (douleur 0–2, et le lendemain matin pas pire qu'avant le début du plan) : deux séances vertes
  dans une phase vous font passer à la phase suivante.
- *Orange* (douleur 3–5, calmée le lendemain matin) : répétez la phase.
- *Rouge* (douleur au-delà de 5, ou pire le lendemain matin) : revenez d'une phase.
- Gonflement, chaleur, blocage ou dérobement, appui impossible, ou douleur de 8 ou plus : le plan se met
  en pause. Consultez un professionnel de santé, ou attendez que 30 minutes de marche rapide se fassent
  sans douleur, puis reprenez.

Jusqu'à la phase 7, gardez un jour de repos entre les séances. Runlog calcule votre phase à partir des
sorties que vous marquez comme séances du plan et de leurs signalements de douleur : rien n'est perdu si
vous notez une séance en retard ou l'importez depuis votre montre.

Le passage d'un palier à l'autre suit le modèle de suivi de la douleur ; des progressions marche-course
à allure facile, chaque palier répété au moins deux fois et jamais franchi avec douleur ou gonflement,
sont la forme courante des protocoles de reprise. Les appliquer à la douleur du genou relève du
consensus des praticiens, pas d'un résultat d'essai.""",
    ),
    "topic.step_rate": (
        "Foulée et cadence",
        "Changez peu, et lentement : une cadence 5 à 10 % au-dessus de la vôtre est l'ajustement le mieux étayé.",
        """La plupart des tentatives de remodeler une foulée ajoutent de nouvelles douleurs avant d'en faire
disparaître d'anciennes. Le changement le mieux étayé est modeste : des pas un peu plus courts et plus
rapides — 5 à 10 % de pas en plus par minute qu'aujourd'hui, à la même vitesse. En laboratoire, cela
réduit la charge au genou et à la hanche, et limite les foulées trop longues (pied posé loin devant le
corps).

Runlog affiche votre cadence à partir des fichiers de votre montre (ou de ce que vous saisissez) et,
quand votre genou fait mal, la plage à viser. Augmentez-la sur plusieurs semaines avec un métronome ou
l'alerte de cadence de votre montre. Oubliez les 180 : c'était une observation faite sur des coureurs
d'élite, pas un objectif pour tout le monde.

Les preuves sont biomécaniques : la cadence modifie la façon dont les articulations sont chargées, mais
aucun essai n'a encore vérifié si elle prévient les blessures.""",
    ),
    "topic.return_to_run": (
        "Reprendre après une douleur",
        "Revenez par une progression marche-course, en laissant la douleur pendant, après et le lendemain matin fixer le rythme.",
        """Quand une douleur de surmenage s'est assez calmée pour marcher d'un bon pas 30 minutes sans elle, une
reprise progressive vaut mieux qu'attendre qu'elle disparaisse complètement — et mieux que reprendre là
où vous vous étiez arrêté.

1. Commencez par de courtes séances course-marche à allure facile, sur terrain plat, un jour sur deux.
2. Notez la douleur pendant et après chaque séance, et le lendemain matin (0–10).
3. Ne passez à l'étape suivante qu'après deux séances avec une douleur de 2 ou moins et un matin pas pire
   qu'avant.
4. Une douleur de 3 à 5 qui se calme pendant la nuit : répétez l'étape. Davantage, ou pire le lendemain
   matin : revenez d'une étape.
5. Gonflement, chaleur, blocage ou genou qui se dérobe : arrêtez et consultez un professionnel de santé.

Le plan de reprise de Runlog tient ces comptes pour vous à partir des sorties que vous marquez comme
séances du plan. Continuez le renforcement pendant la reprise : c'est lui qui traite la plupart des
douleurs de genou du coureur.""",
    ),
}
