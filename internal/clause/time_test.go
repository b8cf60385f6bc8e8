package clause

import "time"

var analysisTime = time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)
