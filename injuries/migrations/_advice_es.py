"""The seeded advice in Spanish (tú): title, summary and body per advice key, for 0009_advice_translations."""

TEXTS = {
    "overtraining.session_spike": (
        "Una carrera mucho más larga que tu más larga reciente",
        "Los corredores que corrían más de un 10 % más que en su carrera más larga del mes anterior se lesionaban con más frecuencia.",
        """Una sola carrera mucho más larga que cualquiera del último mes es la señal de alarma más fuerte que
conocemos para las lesiones de carrera. En un estudio con más de 5000 corredores, una carrera entre un
10 y un 30 % más larga que la más larga de los 30 días anteriores se asoció a una tasa de lesiones unas
1,6 veces mayor; con más del doble de distancia, unas 2,3 veces.

**Qué hacer**

- Mantén cada tirada larga dentro de un 10 % por encima de tu carrera más larga de los últimos 30 días.
- Prepara la distancia de una carrera a lo largo de semanas, en pequeños pasos, no de un salto.
- Después de un pico así, haz que las dos o tres carreras siguientes sean cortas y suaves, y vigila el
  dolor a la mañana siguiente.
- El total semanal importa menos que la sesión más larga: una semana normal puede esconder una carrera de
  riesgo.""",
    ),
    "overtraining.returning": (
        "Volver tras una pausa",
        "Tras semanas sin correr, reconstruye poco a poco: carreras cortas y suaves un día sí y otro no.",
        """Los tendones, los huesos y el cartílago pierden parte de su tolerancia a la carga durante una pausa,
aunque tu forma física parezca intacta. La mayoría de las lesiones al volver se deben a retomar el
entrenamiento donde lo dejaste.

**Un plan sencillo de vuelta a correr**

1. Semana 1: tres carreras de 15–20 minutos, suaves, en días alternos. Se vale caminar a ratos.
2. Semana 2: cuatro carreras, una de ellas de hasta 30 minutos.
3. Después, añade alrededor de un 10 % por semana, con una semana más ligera cada tres o cuatro.

Si el dolor supera 2/10 a la mañana siguiente, quédate unos días más en el escalón actual.""",
    ),
    "overtraining.acwr": (
        "Ratio de carga aguda:crónica",
        "Compara la carga de la última semana con tu media de 4 semanas. Tómalo como una tendencia, no como un veredicto.",
        """La ratio de carga aguda:crónica (acute:chronic workload ratio) compara lo que has hecho recientemente
(una media de 7 días, ponderada exponencialmente, de esfuerzo × minutos) con aquello a lo que estás
acostumbrado (una de 28 días). Una ratio muy por encima de 1,5 indica una subida brusca de la carga; muy
por debajo de 0,8, estás haciendo mucho menos de lo habitual.

La idea es popular pero discutida: su estadística ha recibido críticas, y en una gran cohorte de
corredores no predijo las lesiones. La mostramos como una línea de tendencia para ayudarte a detectar
cambios bruscos, nunca como un veredicto por sí sola. El aviso de una carrera demasiado larga es la
señal más fiable.""",
    ),
    "overtraining.weekly_increase": (
        "La distancia semanal sube rápido",
        "En una cohorte, los grandes saltos de distancia de una semana a otra se asociaron a más lesiones; la regla del 10 % en sí no está demostrada.",
        """En un estudio de cohorte, los corredores que aumentaron su distancia semanal más de un 30 % en un
periodo de dos semanas tuvieron más lesiones que quienes la aumentaron menos de un 10 % (la diferencia
no fue estadísticamente concluyente). Un ensayo aleatorizado sobre la clásica «regla del 10 %» encontró
que por sí sola no prevenía las lesiones.

**Una práctica razonable**

- Aumenta poco a poco, y haz que una de cada tres o cuatro semanas sea más suave.
- Fíjate también en tu carrera más larga: importa más que el total semanal.""",
    ),
    "overtraining.monotony": (
        "Todos los días iguales: monotonía y tensión de entrenamiento",
        "Varía tus días: duros, suaves y de descanso. Una monotonía por encima de 2,0 significa poca variación.",
        """La monotonía es tu carga diaria media dividida entre lo que varía a lo largo de la semana. Cuando cada
día lleva una carga parecida —sin un verdadero día de descanso—, la monotonía sube por encima de 2,0. La
tensión (strain) multiplica la carga de la semana por la monotonía. Ambas las propuso Foster para
explicar la enfermedad y el sobreentrenamiento en deportistas.

**Qué hacer**: haz que los días suaves sean de verdad suaves, mantén duros los días duros y tómate al
menos un día completo de descanso a la semana.""",
    ),
    "rest.missing": (
        "Días de descanso",
        "Los tejidos se adaptan en los días libres: tómate al menos un día de descanso a la semana, dos si algo te duele.",
        """El entrenamiento es el estímulo; la adaptación ocurre durante la recuperación. Correr todos los días sin
pausa no deja a tendones y huesos tiempo para remodelarse, y es un camino clásico hacia las lesiones por
sobrecarga y el sobreentrenamiento.

- Planifica al menos un día a la semana sin correr. El entrenamiento cruzado cuenta como día de descanso
  de la carrera.
- Si algo te duele, o la semana ha sido monótona, tómate dos.
- El sueño forma parte de la recuperación: apunta a 7–9 horas.""",
    ),
    "footwear.worn": (
        "Zapatillas gastadas",
        "Las zapatillas pierden amortiguación con los kilómetros: revísalas a partir del 60 % de su distancia de retirada.",
        """En pruebas mecánicas, las zapatillas de correr pierden buena parte de su absorción de impactos en unos
pocos cientos de kilómetros. El consejo habitual es cambiarlas cada 480–800 km (300–500 millas), según
tu peso, la superficie y la zapatilla. Las pruebas de que unas zapatillas gastadas causen lesiones son
escasas, así que toma la distancia como un recordatorio para revisarlas, no como un veredicto.

**Revisa**: una mediasuela comprimida o arrugada, una suela gastada hasta la espuma, un contrafuerte del
talón deformado, o molestias nuevas después de correr con ese par.""",
    ),
    "footwear.rotation": (
        "Alternar dos pares",
        "En una cohorte, los corredores que alternaban más de un par se lesionaron menos.",
        """En una cohorte de corredores populares, quienes usaban más de un par de zapatillas en paralelo tenían
un riesgo de lesión menor (hazard ratio de alrededor de 0,6). Alternar pares varía un poco la carga
sobre tus piernas de una carrera a otra, y da a la espuma de cada par tiempo para recuperarse.""",
    ),
    "footwear.untagged": (
        "Asigna una zapatilla a tus carreras",
        "Sin una zapatilla en cada carrera, el kilometraje de las zapatillas queda por debajo del real.",
        """Los avisos de desgaste necesitan saber con qué par corriste. Elige una zapatilla predeterminada en tus
ajustes para que las carreras nuevas se asignen automáticamente, y asigna las carreras importadas desde
la lista de carreras.""",
    ),
    "pain.monitor": (
        "El modelo de monitorización del dolor",
        "Un dolor de hasta 2/10 está bien, de 3 a 5 significa mantener, por encima de 5 o peor a la mañana siguiente significa reducir.",
        """El modelo de monitorización del dolor te permite seguir entrenando con algo de dolor, siempre que se
comporte bien:

- **0–2 (verde)**: aceptable. Sigue.
- **3–5 (ámbar)**: aceptable solo si a la mañana siguiente se ha calmado. No aumentes la carga.
- **Por encima de 5, o peor a la mañana siguiente que la mañana anterior, o un dolor matinal que sube
  semana a semana (rojo)**: reduce —más corto, más lento, más llano, o cambia carreras por entrenamiento
  cruzado— hasta que el dolor vuelva a comportarse bien.

Dos días en rojo en una semana: acude a un fisioterapeuta.

El modelo se probó en un ensayo aleatorizado para el dolor del tendón de Aquiles. Aplicarlo al dolor de
rodilla es una extrapolación que los fisioterapeutas hacen con frecuencia; no es un diagnóstico. Anota
siempre la puntuación de la mañana siguiente: es la cifra que más dice.""",
    ),
    "pain.red_flag": (
        "Cuándo buscar atención médica",
        "Hinchazón, calor o enrojecimiento, una rodilla que se bloquea o falla, no poder apoyar el peso o dolor intenso: acude a un profesional sanitario.",
        """Algunos síntomas requieren que te valore un profesional sanitario antes de volver a correr:

- no puedes apoyar el peso sobre la pierna;
- la rodilla se bloquea, se engancha o falla, o no se estira o no se dobla del todo;
- hinchazón visible, o la articulación está caliente o enrojecida;
- dolor intenso (8/10 o más), o dolor por la noche o en reposo.

Hasta que te vean: deja de correr, descansa, aplica hielo envuelto en un paño durante 15–20 minutos
varias veces al día y mantén la pierna en alto. Si además tienes fiebre, o la pierna está caliente y muy
hinchada, acude a urgencias.""",
    ),
    "pain.persistent": (
        "Dolor que dura semanas",
        "Un dolor que vuelve durante tres semanas merece una valoración en condiciones.",
        """Si la misma zona te ha dolido con un 3/10 o más en cada una de las últimas tres semanas, la carga que le
estás dando supera lo que consigue recuperar. Un fisioterapeuta o un médico deportivo puede encontrar la
causa —a menudo fuerza, carga o técnica— y darte un plan para seguir corriendo mientras se cura.""",
    ),
    "prevention.strength": (
        "Entrenamiento de fuerza",
        "En un metaanálisis de ensayos, el entrenamiento de fuerza redujo las lesiones deportivas en unos dos tercios.",
        """De todas las medidas de prevención probadas en ensayos, el entrenamiento de fuerza es la que tiene la
evidencia más sólida: en un metaanálisis redujo las lesiones deportivas a alrededor de un tercio.

**Dos sesiones de 20–30 minutos a la semana**

- Sentadillas o sentadillas búlgaras, 3 × 8–12
- Zancadas frontales y laterales, 3 × 8 con cada pierna
- Elevaciones de talones, con la rodilla estirada y flexionada, 3 × 15
- Elevaciones laterales de pierna tumbado o pasos laterales con banda elástica para la cadera, 3 × 12
- Puentes de glúteo, 3 × 12

Progresa despacio; unas agujetas leves son normales, el dolor articular no.""",
    ),
    "prevention.cross_training": (
        "Entrenamiento cruzado mientras te recuperas",
        "La bicicleta, la natación o correr en el agua mantienen tu forma mientras tus piernas se recuperan.",
        """Cuando un aviso te dice que reduzcas, no tienes por qué perder forma. Correr en aguas profundas y la
bicicleta mantuvieron durante semanas el rendimiento en carrera de corredores entrenados, y los
corredores que hacían otros deportes una hora más a la semana tuvieron menos lesiones de carrera.

Cambia una o dos carreras por una sesión de duración y esfuerzo parecidos en bicicleta, en la piscina o
en la elíptica.""",
    ),
    "prevention.warm_up": (
        "Calentar",
        "De cinco a diez minutos de trote suave y ejercicios dinámicos antes de correr.",
        """El calentamiento eleva la temperatura de los músculos y prepara tendones y articulaciones para la carga.
Empieza cada carrera con 5–10 minutos de trote suave y después unos cuantos ejercicios dinámicos:
balanceos de pierna, zancadas caminando, rodillas altas, skipping.

Los estiramientos estáticos por sí solos antes de correr no redujeron las lesiones en los ensayos
(metaanálisis RR 0,96); déjalos para después de la carrera si te gustan.""",
    ),
    "topic.warm_up": (
        "Calentamiento y estiramientos",
        "Calentamiento dinámico antes, estiramientos suaves después si te gustan.",
        """Calienta con 5–10 minutos de carrera suave y ejercicios dinámicos. Estirar antes de correr no previene
lesiones; después de correr puede sentar bien y mantener la amplitud de movimiento. Para la cara interna
de la rodilla, presta atención a los aductores y los isquiotibiales.""",
    ),
    "topic.cross_training": (
        "Entrenamiento cruzado",
        "Otros deportes desarrollan la forma física sin el impacto de la carrera.",
        """La bicicleta, la natación, el remo y la elíptica desarrollan tu motor aeróbico con menos impacto. Son la
mejor manera de añadir volumen sin añadir riesgo de lesión, y de mantenerte en forma mientras se cura
una lesión.""",
    ),
    "topic.rest": (
        "Descanso y recuperación",
        "Planifica días de descanso y semanas más suaves.",
        """Tómate al menos un día de descanso a la semana, y haz que una de cada tres o cuatro semanas sea
alrededor de un tercio más ligera. Duerme 7–9 horas. El cansancio persistente, una frecuencia cardiaca
en reposo que sube o un ánimo bajo son señales para bajar el ritmo.""",
    ),
    "topic.footwear": (
        "Elegir y cambiar las zapatillas",
        "Elige una zapatilla que te resulte cómoda; cámbiala cuando esté gastada.",
        """La comodidad es la mejor guía para elegir una zapatilla de correr. Las zapatillas de estabilidad o de
control del movimiento pueden ayudar a algunos corredores con una sobrepronación marcada, pero la
evidencia es dispar: en una gran cohorte, la pronación por sí sola no se asoció a más lesiones. Cambia
las zapatillas a los 480–800 km y alterna dos pares si puedes.""",
    ),
    "topic.strength": (
        "Entrenamiento de fuerza para corredores",
        "Dos sesiones cortas a la semana: sentadillas, zancadas, elevaciones de talones, trabajo de cadera.",
        """Unas caderas, muslos y gemelos fuertes absorben carga que, de otro modo, llegaría a la rodilla. Bastan
dos sesiones a la semana de sentadillas, zancadas, elevaciones de talones y trabajo de abductores de
cadera. En el aviso de fuerza encontrarás un plan.""",
    ),
    "topic.running_form": (
        "Técnica de carrera",
        "Solo cambios pequeños: una cadencia algo más rápida reduce la carga sobre la rodilla.",
        """Los cambios grandes en la forma de correr traen su propio riesgo de lesión. Un cambio pequeño con un
respaldo razonable es aumentar la cadencia un 5–10 %, lo que reduce la carga en la rodilla y la cadera.
Evita la zancada excesiva: apoya el pie más cerca de la vertical del cuerpo. Cambia poco a poco, a lo
largo de semanas.""",
    ),
    "topic.nutrition": (
        "Alimentación y salud ósea",
        "Come lo suficiente para tu entrenamiento; una baja disponibilidad energética debilita los huesos.",
        """No comer lo suficiente para el entrenamiento que haces (baja disponibilidad energética) debilita los
huesos y aumenta el riesgo de fracturas por estrés. Haz comidas regulares con suficientes hidratos de
carbono y proteínas, asegúrate de tomar calcio y vitamina D, y acude al médico si se te retira la regla
o sigues perdiendo peso sin quererlo.""",
    ),
    "topic.rest_ice": (
        "Reposo y hielo",
        "Reposo relativo y hielo en los primeros días de un dolor nuevo.",
        """Ante un dolor nuevo por sobrecarga: reduce la carrera a lo que no duela (reposo relativo), haz
entrenamiento cruzado en su lugar y aplica hielo envuelto en un paño durante 15–20 minutos después de la
actividad para aliviar el dolor. Vuelve poco a poco cuando las actividades diarias no te duelan.""",
    ),
    "topic.brace": (
        "Rodilleras y vendaje",
        "Una rodillera o un vendaje puede aliviar los síntomas a corto plazo; no corrige la causa.",
        """Una rodillera, una órtesis o un vendaje funcional pueden reducir el dolor y darte confianza mientras
reconstruyes, sobre todo en el dolor de la rótula. Úsalos junto con el trabajo de fuerza y el control de
la carga, no en su lugar.""",
    ),
    "topic.physiotherapy": (
        "Fisioterapia",
        "Un fisioterapeuta encuentra la causa y te da un plan para seguir corriendo.",
        """Un fisioterapeuta valora la fuerza, el movimiento y la carga, y prepara un plan de ejercicios
—normalmente de fortalecimiento de cadera y rodilla— que trata la mayoría de los dolores de rodilla del
corredor. Acude a uno si el dolor dura más de dos o tres semanas, o si el modelo de monitorización del
dolor cae una y otra vez en rojo.""",
    ),
    "topic.clinician": (
        "Cuándo acudir a un profesional sanitario",
        "Dolor intenso, hinchazón, calor, bloqueo o no poder apoyar el peso: acude a un profesional sanitario.",
        """Acude pronto a un médico o fisioterapeuta si no puedes apoyar el peso, la rodilla se bloquea o falla,
hay hinchazón, calor o enrojecimiento, el dolor es intenso o te despierta por la noche, o no mejora tras
dos semanas de carga reducida. Acude a urgencias si tienes fiebre con una articulación caliente e
hinchada.""",
    ),
    "form.cadence": (
        "Cadencia y dolor de rodilla",
        "Una cadencia un 5–10 % por encima de la tuya reduce la carga sobre la rodilla en estudios de laboratorio; súbela a lo largo de semanas.",
        """Tu cadencia es el número de pasos que das por minuto, contando los dos pies. A la misma velocidad, más
pasos y más cortos hacen que apoyes el pie más cerca de la vertical del cuerpo y con la rodilla algo más
flexionada, y cada aterrizaje es más suave. En estudios de laboratorio, correr con una cadencia un 5 %
por encima de la propia redujo la energía que absorbe la rodilla; un 10 % por encima redujo la carga en
la cadera y la rodilla, y bajó alrededor de un 14 % la fuerza máxima detrás de la rótula.

Eso es biomecánica, no resultados de lesiones: ningún ensayo ha demostrado todavía que subir la
cadencia prevenga las lesiones de rodilla. Es un cambio pequeño y de bajo riesgo que merece la pena
probar mientras te duela la rodilla, no una cura, y los 180 pasos por minuto no tienen nada de especial:
el rango adecuado es *tu propia* cadencia más un 5 a 10 %.

**Cómo cambiarla**

- Apunta al rango del aviso (para 160 pasos/min: 168–176), no a una cifra que hayas leído en otra parte.
- Usa una app de metrónomo o la alerta de cadencia de tu reloj en carreras suaves, unos minutos cada vez
  al principio.
- Mantén la misma velocidad: los pasos se acortan, no se aceleran.
- Date de cuatro a seis semanas; si te resulta forzado, quédate más tiempo en +5 %.
- Combínalo con el trabajo de fuerza y los cambios de carga que sugieren los demás avisos.""",
    ),
    "plan.return_to_run": (
        "Un plan de vuelta a correr",
        "Ocho escalones de caminar y correr para volver a 40 minutos de carrera, cada uno subido solo mientras el dolor se mantiene bajo.",
        """Después de una racha de dolor, «reduce» es solo media respuesta. El plan de vuelta a correr es la otra
mitad: una escalera que va de sesiones cortas de correr y caminar a 40 minutos de carrera continua,
unos 30 minutos por sesión a un esfuerzo suave (RPE 3–5) en terreno llano y regular.

| fase | sesión |
|---|---|
| 1 | 6 × (1 min corriendo, 4 min caminando) |
| 2 | 6 × (2 min corriendo, 3 min caminando) |
| 3 | 6 × (3 min corriendo, 2 min caminando) |
| 4 | 6 × (4 min corriendo, 1 min caminando) |
| 5 | 3 × (9 min corriendo, 1 min caminando) |
| 6 | 2 × (14 min corriendo, 1 min caminando) |
| 7 | 30 min seguidos |
| 8 | 40 min seguidos |

**Cómo cuenta cada sesión** — anota el dolor durante y después de la carrera, y a la mañana siguiente:

- *Verde* (dolor 0–2, y a la mañana siguiente no peor que antes de empezar el plan): dos sesiones verdes
  en una fase te suben a la siguiente.
- *Ámbar* (dolor 3–5, calmado a la mañana siguiente): repite la fase.
- *Rojo* (dolor por encima de 5, o peor a la mañana siguiente): vuelve una fase atrás.
- Hinchazón, calor, bloqueo o fallo de la rodilla, no poder apoyar el peso, o dolor de 8 o más: el plan
  se pausa. Acude a un profesional sanitario, o espera hasta que puedas caminar rápido 30 minutos sin
  dolor, y luego reanúdalo.

Hasta la fase 7, deja un día de descanso entre sesiones. Runlog calcula tu fase a partir de las carreras
que marcas como sesiones del plan y de sus registros de dolor, así que no se pierde nada si anotas una
sesión tarde o la importas desde tu reloj.

El paso de un escalón a otro sigue el modelo de monitorización del dolor; las escaleras de caminar y
correr a esfuerzo suave, repitiendo cada escalón al menos dos veces y sin subirlo con dolor ni
hinchazón, son la forma habitual de los protocolos de vuelta a correr. Aplicarlas al dolor de rodilla es
consenso de los profesionales, no el resultado de un ensayo.""",
    ),
    "topic.step_rate": (
        "Técnica de carrera y cadencia",
        "Cambia poco, y despacio: una cadencia un 5–10 % por encima de la tuya es el ajuste mejor respaldado.",
        """La mayoría de los intentos de rehacer una forma de correr añaden molestias nuevas antes de quitar las
antiguas. El cambio mejor respaldado es modesto: pasos algo más cortos y rápidos, entre un 5 y un 10 %
más de pasos por minuto que ahora, a la misma velocidad. En el laboratorio eso reduce la carga en la
rodilla y la cadera y reduce la zancada excesiva (apoyar el pie muy por delante del cuerpo).

Runlog muestra tu cadencia a partir de los archivos de tu reloj (o de lo que escribas) y, cuando te
duele la rodilla, el rango al que apuntar. Súbela a lo largo de semanas con un metrónomo o la alerta de
cadencia de tu reloj. Olvídate de los 180: fue una observación en corredores de élite, no un objetivo
para todo el mundo.

La evidencia es biomecánica: la cadencia cambia cómo se cargan las articulaciones, pero ningún ensayo ha
comprobado todavía si previene lesiones.""",
    ),
    "topic.return_to_run": (
        "Volver a correr tras el dolor",
        "Vuelve con una escalera de caminar y correr, y deja que el dolor durante, después y a la mañana siguiente marque el ritmo.",
        """Cuando un dolor por sobrecarga se ha calmado lo suficiente como para caminar rápido 30 minutos sin él,
una vuelta gradual es mejor que esperar a que desaparezca del todo, y mejor que retomarlo donde lo
dejaste.

1. Empieza con sesiones cortas de correr y caminar a un esfuerzo suave, en terreno llano, en días
   alternos.
2. Puntúa el dolor durante y después de cada sesión, y a la mañana siguiente (0–10).
3. Avanza solo después de dos sesiones con un dolor de 2 o menos y una mañana no peor que antes.
4. Un dolor de 3 a 5 que se calma durante la noche: repite el escalón. Más que eso, o peor a la mañana
   siguiente: vuelve un escalón atrás.
5. Hinchazón, calor, bloqueo o una rodilla que falla: para y acude a un profesional sanitario.

El plan de vuelta a correr de Runlog lleva estas cuentas por ti a partir de las carreras que marcas como
sesiones del plan. Mantén el trabajo de fuerza mientras reconstruyes: es lo que trata la mayoría de los
dolores de rodilla del corredor.""",
    ),
}
